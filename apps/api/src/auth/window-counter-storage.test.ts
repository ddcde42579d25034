import { WindowCounterStorage } from './window-counter-storage';

describe('WindowCounterStorage counts hits per key in fixed windows', () => {
  let clock = 0;
  let storage: WindowCounterStorage;

  beforeEach(() => {
    clock = 1_000_000;
    storage = new WindowCounterStorage(() => clock);
  });

  afterEach(() => storage.onApplicationShutdown());

  const hit = (key = 'k', limit = 3, ttl = 1000, block = 1000) =>
    storage.increment(key, ttl, limit, block, 'ingest');

  it('lets the limit through, then blocks with the seconds left in the block', async () => {
    const records = [await hit(), await hit(), await hit()];
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    clock += 200;
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 1, isBlocked: true, timeToBlockExpire: 1 });
  });

  it('keeps a blocked key blocked for the whole block, without counting the refused hits', async () => {
    for (let n = 0; n < 4; n++) await hit('k', 3, 1000, 5000);
    clock += 3000;
    const refused = await hit('k', 3, 1000, 5000);
    expect(refused.isBlocked).toBe(true);
    expect(refused.timeToBlockExpire).toBe(2);
    expect(refused.totalHits).toBe(4);
    clock += 2000;
    expect((await hit('k', 3, 1000, 5000)).isBlocked).toBe(false);
  });

  it('starts a fresh count when a block shorter than the window ends', async () => {
    for (let n = 0; n < 4; n++) await hit('k', 3, 10_000, 1000);
    clock += 1500;
    expect(await hit('k', 3, 10_000, 1000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('without a block duration, refuses only the hits past the limit', async () => {
    for (let n = 0; n < 3; n++) await hit('k', 3, 1000, 0);
    expect((await hit('k', 3, 1000, 0)).isBlocked).toBe(true);
    expect((await hit('k', 3, 1000, 0)).isBlocked).toBe(true);
    clock += 1000;
    expect((await hit('k', 3, 1000, 0)).isBlocked).toBe(false);
  });

  it('starts a fresh count once the window is over', async () => {
    for (let n = 0; n < 3; n++) await hit();
    clock += 1000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 1 });
  });

  it('counts each key and each throttler on its own', async () => {
    for (let n = 0; n < 4; n++) await hit('a');
    expect((await hit('a')).isBlocked).toBe(true);
    expect((await hit('b')).isBlocked).toBe(false);
    expect((await storage.increment('a', 1000, 3, 1000, 'login')).isBlocked).toBe(false);
  });

  it('forgets keys whose window and block are over, and keeps the others', async () => {
    await hit('idle');
    for (let n = 0; n < 4; n++) await hit('blocked', 3, 1000, 10_000);
    clock += 2000;
    await hit('active');
    storage.sweep();
    expect(storage.size).toBe(2);
    expect((await hit('blocked', 3, 1000, 10_000)).isBlocked).toBe(true);
  });

  it('keeps one small record per key however many hits it counts', async () => {
    for (let n = 0; n < 100_000; n++) await hit('busy', 1_000_000, 1000);
    expect((await hit('busy', 1_000_000, 1000)).totalHits).toBe(100_001);
    expect(storage.size).toBe(1);
  });
});
