import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { ChannelAccountsCheck } from './checks/channel-accounts.check';
import { DatabaseCheck } from './checks/database.check';
import { RedisCheck } from './checks/redis.check';
import { TemporalCheck } from './checks/temporal.check';
import { WorkerCheck } from './checks/worker.check';
import { DEPENDENCY_CHECKS, type DependencyCheck } from './health-report';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { TEMPORAL_HEALTH_CONNECTION, temporalHealthConnectionProvider } from './temporal-health-connection';

@Module({
  controllers: [HealthController],
  providers: [
    temporalHealthConnectionProvider,
    DatabaseCheck,
    RedisCheck,
    TemporalCheck,
    WorkerCheck,
    ChannelAccountsCheck,
    {
      provide: DEPENDENCY_CHECKS,
      inject: [DatabaseCheck, RedisCheck, TemporalCheck, WorkerCheck, ChannelAccountsCheck],
      useFactory: (...checks: DependencyCheck[]) => checks,
    },
    HealthService,
  ],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_HEALTH_CONNECTION) private readonly temporalConnection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporalConnection.close();
  }
}
