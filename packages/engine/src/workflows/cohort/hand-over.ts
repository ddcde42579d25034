import { workflowInfo } from '@temporalio/workflow';
import type { ResumedWait, JourneyContinuation } from '../journey-continuation';
import type { JourneyHandOver } from '../journey-driver';
import type { JourneySession } from '../journey-session';

/**
 * The journeys' continuations stay below this size together (Temporal warns from 512 KB and refuses 2 MB for the
 * next run's input, which also carries the contact ids).
 */
export const COHORT_CONTINUATION_BYTES = 1_000_000;

/** Path entries and event ids each journey keeps when the continuations would not fit otherwise, fewest last. */
const TRIMMED_TO = [50, 10, 1, 0];

/**
 * Continue-as-new for a cohort (its history grows with every member's signals and activities): once due, every
 * journey stops at its next step or wait, exactly where a contactJourney would continue as new, and parks; when
 * all that still run have parked, the cohort continues as new with their states. Journeys in the middle of an
 * activity (or of its retries) finish it first; the parked ones meanwhile do not go on.
 */
export class CohortHandOver implements JourneyHandOver {
  private continuing = false;
  /** Parked journeys and the wait each resumes in the next run. */
  readonly parked = new Map<JourneySession, ResumedWait | undefined>();

  /**
   * `enabled`: false for histories recorded before cohorts continued as new (they must replay as they ran).
   * `afterHistoryEvents`: also continue once the history has this many events.
   */
  constructor(
    private readonly enabled: boolean,
    private readonly afterHistoryEvents: number | undefined,
  ) {}

  due(): boolean {
    if (this.continuing || !this.enabled) return this.continuing;
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    const limit = this.afterHistoryEvents;
    this.continuing = continueAsNewSuggested || (limit !== undefined && limit > 0 && historyLength >= limit);
    return this.continuing;
  }

  park(session: JourneySession, wait?: ResumedWait): Promise<never> {
    this.parked.set(session, wait);
    return new Promise<never>(() => undefined);
  }

  /** The parked journeys' states, by contact id, taken now (signals that came while parked are in them). */
  continuations(): Record<string, JourneyContinuation> {
    const journeys: Record<string, JourneyContinuation> = {};
    for (const [session, wait] of this.parked) journeys[session.ref.contactId] = session.continuation(wait);
    return fitted(journeys, COHORT_CONTINUATION_BYTES);
  }
}

/**
 * The continuations within `maxBytes`: when they do not fit, each keeps only its latest path entries (the status
 * query's recent path; every entry is recorded all the same) and latest seen event ids (a repeat of an older event
 * would be taken as new), fewer and fewer until they fit. Buffered events and unrecorded entries are always kept.
 */
export function fitted(
  journeys: Record<string, JourneyContinuation>,
  maxBytes: number,
): Record<string, JourneyContinuation> {
  let candidate = journeys;
  for (const keep of TRIMMED_TO) {
    if (JSON.stringify(candidate).length <= maxBytes) return candidate;
    candidate = Object.fromEntries(
      Object.entries(journeys).map(([contactId, journey]) => [
        contactId,
        { ...journey, path: latest(journey.path, keep), seenEventIds: latest(journey.seenEventIds, keep) },
      ]),
    );
  }
  return candidate;
}

function latest<T>(items: T[], keep: number): T[] {
  return keep === 0 ? [] : items.slice(-keep);
}
