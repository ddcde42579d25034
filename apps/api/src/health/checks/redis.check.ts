import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '../../redis/redis.module';
import type { DependencyCheck } from '../health-report';

@Injectable()
export class RedisCheck implements DependencyCheck {
  readonly name = 'redis';
  private lastError: Error | undefined;

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {
    redis.on('error', (error: Error) => (this.lastError = error));
    redis.on('ready', () => (this.lastError = undefined));
  }

  async run(): Promise<string> {
    if (this.redis.status === 'wait')
      await this.redis.connect().catch((error: Error) => (this.lastError ??= error));
    if (this.redis.status !== 'ready') {
      throw new Error(
        `not connected to ${this.endpoint()} (${this.lastError?.message ?? this.redis.status})`,
      );
    }
    const answer = await this.redis.ping();
    if (answer !== 'PONG') throw new Error(`unexpected PING answer from ${this.endpoint()}`);
    return `PING ok at ${this.endpoint()}`;
  }

  /** Host and port only: a Redis URL may carry a password. */
  private endpoint(): string {
    const { host, port } = this.redis.options;
    return `${host}:${port}`;
  }
}
