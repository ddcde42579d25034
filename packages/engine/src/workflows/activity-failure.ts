import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { SEND_ERROR_TYPES } from '../journey/journey-contract';

/** What a failed provider call means for the journey. */
export type ProviderFailure =
  { kind: 'retry_at'; retryAtMs: number; reason: string } | { kind: 'failed'; code: string; reason: string };

/** When the connector names no moment (or one already past), try again after this long. */
export const DEFAULT_RETRY_DELAY_MS = 15 * 60 * 1000;
const MIN_RETRY_DELAY_MS = 60 * 1000;

const WAIT_TYPES: string[] = [SEND_ERROR_TYPES.quotaExhausted, SEND_ERROR_TYPES.outsideAllowedHours];

/**
 * Classifies an activity failure (DESIGN §6): quota exhausted and outside allowed hours wait until the moment in
 * details[0].retryAtMs; anything else (retries used up, permanent, timeouts) takes the failure handle. Errors that
 * are not activity failures are not ours to handle: they are rethrown.
 */
export function classifyActivityFailure(error: unknown, nowMs: number): ProviderFailure {
  if (!(error instanceof ActivityFailure)) throw error;
  const cause = error.cause;
  const code = cause instanceof ApplicationFailure && cause.type ? cause.type : (cause?.name ?? error.name);
  const exhausted = error.retryState === 'MAXIMUM_ATTEMPTS_REACHED' ? ' (retries exhausted)' : '';
  const reason = `${code}: ${cause?.message ?? error.message}${exhausted}`;
  if (cause instanceof ApplicationFailure && cause.type && WAIT_TYPES.includes(cause.type)) {
    const named = (cause.details?.[0] as { retryAtMs?: unknown } | undefined)?.retryAtMs;
    const retryAtMs =
      typeof named === 'number' && Number.isFinite(named) ? named : nowMs + DEFAULT_RETRY_DELAY_MS;
    return { kind: 'retry_at', retryAtMs: Math.max(retryAtMs, nowMs + MIN_RETRY_DELAY_MS), reason };
  }
  return { kind: 'failed', code, reason };
}
