import { randomUUID } from 'node:crypto';
import { testService } from '@loa/testing';
import { Redis } from 'ioredis';
import { SendRateLimiter } from './send-rate-limiter';

describe('the send-rate limit is one token bucket per account in Redis, shared by every process', () => {
  // Two connections stand for two worker processes.
  const clients = [0, 1].map(
    () => new Redis(testService('redisUrl'), { keyPrefix: `${testService('redisPrefix')}:` }),
  );
  const [first, second] = clients.map((client) => new SendRateLimiter(client));

  afterAll(() => clients.forEach((client) => client.disconnect()));

  // Rates are chosen so that the milliseconds the test itself takes cannot change a figure: a token every 100 s.
  const SLOW = 0.01;

  it('lets a full bucket go at once, whichever process asks', async () => {
    const account = randomUUID();
    const waits = [];
    for (let index = 0; index < 5; index += 1)
      waits.push(await (index % 2 === 0 ? first : second).reserve(account, 5));
    expect(waits).toEqual([0, 0, 0, 0, 0]);
  });

  it('queues every further send behind the previous one: waiting, not failing', async () => {
    const account = randomUUID();
    const waits: number[] = [];
    for (let index = 0; index < 6; index += 1)
      waits.push(await (index % 2 === 0 ? first : second).reserve(account, SLOW));
    expect(waits[0]).toBe(0);
    expect(waits.slice(1).map((wait) => Math.round(wait / 100_000))).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps accounts apart', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await first.reserve(a, SLOW)).toBe(0);
    expect(await second.reserve(b, SLOW)).toBe(0);
    expect(await second.reserve(a, SLOW)).toBeGreaterThan(0);
  });

  it('serves the first reservations of a process that has not connected yet, however many at once', async () => {
    // As the shared client is configured (redis.module.ts): lazy, no offline queue.
    const fresh = new Redis(testService('redisUrl'), {
      keyPrefix: `${testService('redisPrefix')}:`,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    try {
      const limiter = new SendRateLimiter(fresh);
      // Different accounts take their tokens in separate calls, all made while the first one connects.
      const waits = await Promise.all(Array.from({ length: 5 }, () => limiter.reserve(randomUUID(), 5)));
      expect(waits).toEqual([0, 0, 0, 0, 0]);
    } finally {
      fresh.disconnect();
    }
  });

  it('gives every one of many simultaneous reservations its own turn (the Lua script is atomic)', async () => {
    const account = randomUUID();
    const waits = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? first : second).reserve(account, SLOW)),
    );
    const turns = waits.map((wait) => Math.round(wait / 100_000)).sort((x, y) => x - y);
    expect(turns).toEqual(Array.from({ length: 40 }, (_, index) => index));
  });

  it("still takes its tokens after Redis forgot the script (it sends the script's digest)", async () => {
    const account = randomUUID();
    expect(await first.reserve(account, SLOW)).toBe(0);
    const script = await clients[0]?.script('FLUSH');
    expect(script).toBe('OK');
    expect(Math.round((await second.reserve(account, SLOW)) / 100_000)).toBe(1);
    expect(Math.round((await first.reserve(account, SLOW)) / 100_000)).toBe(2);
  });
});
