import { randomBytes } from 'node:crypto';

/**
 * Unique ids cheap enough for the benchmarked hot path: a random per-sandbox prefix plus a counter, in hex.
 * `next(length)` returns exactly `length` hex characters (length ≥ 16).
 */
export class IdFactory {
  private readonly prefix = randomBytes(4).toString('hex');
  private counter = 0;

  next(length = 20): string {
    this.counter += 1;
    return this.prefix + this.counter.toString(16).padStart(length - this.prefix.length, '0');
  }

  /** A decimal id (eSMS SMSID, SpeedSMS tranId). */
  nextNumber(): number {
    this.counter += 1;
    return 100_000 + this.counter;
  }

  /** Random hex, for secrets the sandbox mints (tokens, auth codes). */
  secret(bytes = 16): string {
    return randomBytes(bytes).toString('hex');
  }
}
