import { log, workflowInfo } from '@temporalio/workflow';
import type { Plan } from '../../plan/plan.types';
import type { BufferedEvent } from '../event-inbox';
import type { JourneyContinuation, ResumedWait } from '../journey-continuation';
import type { JourneyHandOver } from '../journey-driver';
import type { JourneySession } from '../journey-session';

/**
 * The next run's whole input stays below this many bytes (Temporal refuses a payload of 2 MB): the journeys'
 * continuations get what the rest of the input (plan, contact ids, entry events) leaves.
 */
export const COHORT_INPUT_BYTES = 1_500_000;

/**
 * What each journey keeps when the continuations would not fit otherwise, less and less: its latest path entries (the
 * status query's recent path; every entry is recorded all the same), its latest seen event ids (an event delivered
 * again later than those would be taken as new) and, last, its first buffered events.
 */
const TRIMMED_TO = [
  { path: 50, seen: 50, buffered: Infinity },
  { path: 10, seen: 10, buffered: Infinity },
  { path: 3, seen: 3, buffered: Infinity },
  { path: 0, seen: 1, buffered: 10 },
  { path: 0, seen: 1, buffered: 1 },
];

/**
 * Continue-as-new for a cohort (its history grows with every member's signals and activities): once due, every
 * journey stops at its next step or wait, exactly where a contactJourney would continue as new, and parks; when
 * all that still run have parked, the cohort continues as new with their states. Journeys in the middle of an
 * activity (or of its retries) finish it first; the parked ones meanwhile do not go on.
 */
export class CohortHandOver implements JourneyHandOver {
  private continuing = false;
  private readonly historyAtStart = workflowInfo().historyLength;
  /** Parked journeys and the wait each resumes in the next run. */
  readonly parked = new Map<JourneySession, ResumedWait | undefined>();

  /**
   * `enabled`: false for histories recorded before cohorts continued as new (they must replay as they ran).
   * `afterHistoryEvents`: also continue once this run's history has grown by this many events.
   */
  constructor(
    private readonly enabled: boolean,
    private readonly afterHistoryEvents: number | undefined,
  ) {}

  due(): boolean {
    if (this.continuing || !this.enabled) return this.continuing;
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    const limit = this.afterHistoryEvents;
    this.continuing =
      continueAsNewSuggested ||
      (limit !== undefined && limit > 0 && historyLength - this.historyAtStart >= limit);
    return this.continuing;
  }

  park(session: JourneySession, wait?: ResumedWait): Promise<never> {
    this.parked.set(session, wait);
    return new Promise<never>(() => undefined);
  }

  /**
   * The parked journeys' states, by contact id, taken now (signals that came while parked are in them), within
   * `maxBytes` when they can be made to fit.
   */
  continuations(plan: Plan, maxBytes: number): Record<string, JourneyContinuation> {
    const journeys: Record<string, JourneyContinuation> = {};
    for (const [session, wait] of this.parked) {
      const journey = session.continuation(wait);
      journeys[session.ref.contactId] = { ...journey, buffer: usableBuffer(journey, plan) };
    }
    const result = fitted(journeys, maxBytes);
    if (result.bytes > maxBytes)
      log.warn('The cohort carries more state than fits its next run', { bytes: result.bytes, maxBytes });
    return result.journeys;
  }
}

/**
 * The buffered events a journey's next run can still use. Only a wait.event takes buffered events, and only those of
 * its event received since it began (a wait that begins later first drops everything received before it), so a
 * journey carries some only when it parked inside a wait.event that it resumes.
 */
export function usableBuffer(journey: JourneyContinuation, plan: Plan): BufferedEvent[] {
  const step = journey.cursor.stepId === null ? undefined : plan.steps[journey.cursor.stepId];
  const { wait } = journey;
  if (!wait || step?.kind !== 'wait_event') return [];
  return journey.buffer.filter(
    (item) => item.receivedAtMs >= wait.beganAtMs && item.event.name === step.event,
  );
}

/**
 * The continuations within `maxBytes` (UTF-8) when trimming can get them there (see TRIMMED_TO), with their size;
 * unrecorded entries, cursors, waits and counters are never trimmed.
 */
export function fitted(
  journeys: Record<string, JourneyContinuation>,
  maxBytes: number,
): { journeys: Record<string, JourneyContinuation>; bytes: number } {
  let candidate = journeys;
  let bytes = utf8Bytes(JSON.stringify(candidate));
  for (const keep of TRIMMED_TO) {
    if (bytes <= maxBytes) break;
    candidate = Object.fromEntries(
      Object.entries(journeys).map(([contactId, journey]) => [
        contactId,
        {
          ...journey,
          path: latest(journey.path, keep.path),
          seenEventIds: latest(journey.seenEventIds, keep.seen),
          buffer: journey.buffer.slice(0, keep.buffered),
        },
      ]),
    );
    bytes = utf8Bytes(JSON.stringify(candidate));
  }
  return { journeys: candidate, bytes };
}

function latest<T>(items: T[], keep: number): T[] {
  return keep === 0 ? [] : items.slice(-keep);
}

/** The UTF-8 length of a string (the workflow sandbox has no Buffer). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}
