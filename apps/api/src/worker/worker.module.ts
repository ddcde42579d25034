import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { LoaConfig } from '../config/loa-config';
import { DatabaseModule } from '../database/database.module';
import { JourneysModule } from '../journeys/journeys.module';
import { SecretsModule } from '../secrets/secrets.module';
import { LoaWorkerHost } from './loa-worker.host';

@Module({})
export class WorkerModule {
  static forRoot(config: LoaConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, SecretsModule, JourneysModule],
      providers: [LoaWorkerHost],
    };
  }
}
