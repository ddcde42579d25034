import { waitUntil } from '../process/wait-until';

/** Retries `probe` until it resolves, or fails after `timeoutMs` with the last error and what was awaited. */
export function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  timeoutMs = 60_000,
  intervalMs = 250,
): Promise<T> {
  return waitUntil(what, probe, { timeoutMs, intervalMs });
}
