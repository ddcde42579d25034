import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** A shared Redis connection; every key it writes starts with the configured prefix. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) =>
        new Redis(config.redis.url, {
          keyPrefix: `${config.redis.keyPrefix}:`,
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        }),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
