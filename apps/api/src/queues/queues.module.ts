import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { guardProcessStarts } from './process-start-guard';
import { QueueFailureLog } from './queue-failure-log';

guardProcessStarts();

/**
 * Bull on the configured Redis; every queue key starts with the configured prefix. Feature modules register
 * their own queues with `BullModule.registerQueue({ name })`. Every failed job attempt is logged (QueueFailureLog).
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) => ({
        redis: config.redis.url,
        prefix: `${config.redis.keyPrefix}:bull`,
      }),
    }),
  ],
  providers: [QueueFailureLog],
  exports: [BullModule],
})
export class QueuesModule {}
