import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

interface Window {
  endsAt: number;
  hits: number;
  blockedUntil: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * `@nestjs/throttler` storage that counts hits per key in fixed windows: constant time and memory per request.
 * The module's default storage keeps a timestamp per hit and filters the whole list on every request, which at an
 * ingestion limit of thousands a second costs thousands of comparisons and an array of that size per request. A
 * window starts at a key's first hit after the last one ended; a hit past the limit blocks the key for
 * `blockDuration` (without one, only that hit is refused), and a block's end starts a fresh count. At a window's
 * edge a client may get up to twice the limit through in one window's length.
 */
export class WindowCounterStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (window && window.blockedUntil > now) return this.record(window, now, window.blockedUntil);
    if (!window || now >= window.endsAt || window.blockedUntil > 0) {
      window = { endsAt: now + ttl, hits: 0, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    if (window.hits >= limit) {
      // Refused hits are not counted; without a block duration only this hit is refused.
      if (blockDuration <= 0) return this.record(window, now, window.endsAt);
      window.blockedUntil = now + blockDuration;
      return this.record(window, now, window.blockedUntil);
    }
    window.hits += 1;
    return this.record(window, now, undefined);
  }

  private record(window: Window, now: number, refusedUntil: number | undefined): ThrottlerStorageRecord {
    return {
      totalHits: refusedUntil === undefined ? window.hits : window.hits + 1,
      timeToExpire: seconds(window.endsAt - now),
      isBlocked: refusedUntil !== undefined,
      timeToBlockExpire: refusedUntil === undefined ? 0 : seconds(refusedUntil - now),
    };
  }

  /** Forgets keys whose window and block are both over, so that memory follows the keys active lately. */
  sweep(): void {
    const now = this.now();
    for (const [id, window] of this.windows)
      if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }

  get size(): number {
    return this.windows.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
