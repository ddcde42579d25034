import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LOA_CONFIG, type LoaConfig } from './loa-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: LoaConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: LOA_CONFIG, useValue: config }],
      exports: [LOA_CONFIG],
    };
  }
}
