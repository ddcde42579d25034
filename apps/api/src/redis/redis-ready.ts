import type { Redis } from 'ioredis';

/**
 * Connects the shared client when it has not connected yet (it connects lazily and, with its offline queue off,
 * refuses commands until ready), and waits while a connection is being made. Without the wait, every call made while
 * the first one connects fails with "Stream isn't writeable": what a fresh worker's first burst of sends hit.
 * A client that cannot connect is left to fail the command that follows.
 */
export async function redisReady(redis: Redis): Promise<void> {
  if (redis.status === 'wait') {
    await redis.connect().catch(() => undefined);
    return;
  }
  if (redis.status !== 'connecting' && redis.status !== 'connect') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      redis.off('ready', done);
      redis.off('error', done);
      redis.off('end', done);
      resolve();
    };
    redis.once('ready', done);
    redis.once('error', done);
    redis.once('end', done);
  });
}
