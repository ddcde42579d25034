import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { LoaConfig } from '../config/loa-config';
import { LoaWorkerHost } from './loa-worker.host';

@Module({})
export class WorkerModule {
  static forRoot(config: LoaConfig): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config)], providers: [LoaWorkerHost] };
  }
}
