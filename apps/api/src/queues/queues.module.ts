import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';

/**
 * Bull on the configured Redis; every queue key starts with the configured prefix. Feature modules register
 * their own queues with `BullModule.registerQueue({ name })`.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) => ({
        redis: config.redis.url,
        prefix: `${config.redis.keyPrefix}:bull`,
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
