import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { LoaConfig } from '../config/loa-config';
import type { DataSource } from 'typeorm';
import { DatabaseModule } from '../database/database.module';
import { SharedDatabaseModule } from '../database/shared-database.module';
import { CampaignRunActivitiesModule } from '../broadcasts/campaign-run-activities.module';
import { JourneysModule } from '../journeys/journeys.module';
import { QueuesModule } from '../queues/queues.module';
import { RedisModule } from '../redis/redis.module';
import { SecretsModule } from '../secrets/secrets.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { LoaWorkerHost } from './loa-worker.host';

@Module({})
export class WorkerModule {
  /** `sharedDataSource`: the API's, when the worker runs in the API process; otherwise the worker opens its own. */
  static forRoot(config: LoaConfig, sharedDataSource?: DataSource): DynamicModule {
    const database = sharedDataSource ? SharedDatabaseModule.of(sharedDataSource) : DatabaseModule;
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        database,
        SecretsModule,
        RedisModule,
        QueuesModule,
        JourneysModule.register(),
        TemporalClientModule,
        CampaignRunActivitiesModule,
      ],
      providers: [LoaWorkerHost],
    };
  }
}
