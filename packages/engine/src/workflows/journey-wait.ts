import type { WaitingKind } from '../journey/journey-status';
import type { ResumedWait } from './journey-continuation';
import type { Interruption, JourneySession } from './journey-session';

/** How a wait ended: its condition held, its time came, or the journey must leave. */
export type WaitEnd = 'ready' | 'elapsed' | Interruption;

/** A wait of at least this long is long: progress is recorded before it and campaign state refreshed after. */
export const LONG_WAIT_MS = 60 * 60 * 1000;

/**
 * Waits until `untilMs`, until `ready` holds, or until the journey must leave (goal, stop), whichever comes first.
 * When this run should continue as new meanwhile, it does so here: `resume` (a step's wait) carries the wait over;
 * without it (a guard in front of a send) the next run performs the step again from its start.
 */
export async function waitInJourney(
  session: JourneySession,
  options: {
    kind: WaitingKind;
    untilMs: number;
    event?: string;
    ready?: () => boolean;
    resume?: ResumedWait;
  },
): Promise<WaitEnd> {
  const { kind, untilMs, event, ready, resume } = options;
  const check = (): WaitEnd | 'continue' | undefined =>
    session.interruption() ??
    (session.continueDue() ? 'continue' : undefined) ??
    (ready?.() ? 'ready' : undefined);
  session.setWaiting({ kind, until: new Date(untilMs).toISOString(), ...(event && { event }) });
  try {
    let end = check();
    const remainingMs = untilMs - Date.now();
    if (end === undefined && remainingMs > 0) {
      await session.driver.waitUntil(() => (end = check()) !== undefined, untilMs);
    }
    // A timer and a signal can land in the same activation: the signal counts.
    end ??= check() ?? 'elapsed';
    if (end === 'continue') return await session.continueAsNew(resume);
    return end;
  } finally {
    session.setWaiting(undefined);
  }
}
