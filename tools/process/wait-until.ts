import { setTimeout as sleep } from 'node:timers/promises';

export type WaitFailure = 'timeout' | 'aborted' | 'gave-up';

/** Why a wait ended without the awaited state; the message says what was awaited and what was seen last. */
export class WaitError extends Error {
  constructor(
    readonly kind: WaitFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WaitError';
  }
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Aborting ends the wait at once (kind 'aborted'). */
  signal?: AbortSignal;
  /** Asked before each attempt: a reason ends the wait at once (kind 'gave-up'), e.g. "api exited with code 1". */
  giveUp?: () => string | undefined;
}

/**
 * The one "wait until ready" of the workspace (tests, the local stack): calls `probe` until it resolves and
 * returns its value. A probe that throws is not ready yet; its message is the last thing seen.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 250, signal, giveUp } = options;
  const deadline = Date.now() + timeoutMs;
  let lastSeen = 'nothing yet';
  for (;;) {
    if (signal?.aborted) throw new WaitError('aborted', `Stopped waiting for ${what}`);
    const reason = giveUp?.();
    if (reason) throw new WaitError('gave-up', `${what}: ${reason} (last seen: ${lastSeen})`);
    try {
      return await probe();
    } catch (error) {
      lastSeen = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      throw new WaitError(
        'timeout',
        `Timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${lastSeen})`,
      );
    }
    await sleep(intervalMs);
  }
}
