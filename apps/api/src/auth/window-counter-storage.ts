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
 * `blockDuration`. At a window's edge a client may get up to twice the limit through in one window's length.
 */
export class WindowCounterStorage implements ThrottlerStorage {
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
    if (!window || now >= window.endsAt) {
      window = { endsAt: now + ttl, hits: 0, blockedUntil: window?.blockedUntil ?? 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil <= now) {
      window.hits += 1;
      if (window.hits > limit) window.blockedUntil = now + blockDuration;
    }
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: seconds(window.endsAt - now),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(window.blockedUntil - now) : 0,
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

  close(): void {
    clearInterval(this.sweeper);
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
