import type { Plan, StepId } from '../plan/plan.types';
import type { CampaignState, JourneyActivities, JourneyEvent } from './journey-contract';

export const COHORT_JOURNEY_WORKFLOW = 'cohortJourney';

/** Signal and query names of cohortJourney, for clients that address them by name. */
export const COHORT_EVENT_SIGNAL = 'cohortEvent';
export const COHORT_MEMBER_STATE_SIGNAL = 'cohortMemberState';
export const COHORT_MEMBER_STATUS_QUERY = 'cohortMemberStatus';
export const COHORT_PROGRESS_QUERY = 'cohortProgress';

/** A cohort carries at most this many contacts (Temporal's payload limit with room to spare: ids only). */
export const MAX_COHORT_CONTACTS = 2000;

/**
 * A cohort's workflow id is its members' enrollment id (JourneyRef.enrollmentId and the run id of their enrollment
 * rows), so it must never be reused: the campaign run names each cohort after its own run and page.
 *
 * A page of contacts who enter a campaign version together and move through its plan together (DESIGN §6 cohort
 * execution): one journey per contact, the same step code as contactJourney, their activities batched and their
 * timers shared. Ids in, counts out.
 */
export interface CohortJourneyInput {
  workspaceId: string;
  plan: Plan;
  /** At most MAX_COHORT_CONTACTS, each once. */
  contactIds: string[];
  /** Every member's entry key (`once` for broadcasts). */
  entryKey: string;
  /** Enter at this step instead of the plan's entry step (as ContactJourneyInput.startAt). */
  startAt?: StepId;
  /**
   * The entry event of each member that entered by one (event-triggered entries gathered into a cohort), by contact
   * id. Broadcasts have none.
   */
  entryEvents?: Record<string, JourneyEvent>;
  /**
   * The cohort continues as new once its history has this many events, besides when Temporal suggests it (tests use
   * it to continue sooner). Default: only when Temporal suggests it.
   */
  continueAfterHistoryEvents?: number;
  /** Carried over by continue-as-new; absent on a fresh cohort. Validated by the workflow. */
  continued?: CohortContinuation;
}

/**
 * What a cohort hands to its next run: the journeys still running (`contactIds` are exactly theirs), each with the
 * state a contactJourney carries through continue-as-new, and the counts of the members that left in earlier runs.
 */
export interface CohortContinuation {
  version: 1;
  /** Each running member's JourneyContinuation, by contact id. */
  journeys: Record<string, unknown>;
  /** Members that left in earlier runs: they no longer appear in the cohort's queries. */
  earlier: Omit<CohortProgress, 'running'>;
}

/** An event for one member of a cohort; duplicates (same id) are ignored as in contactJourney. */
export interface CohortEvent {
  contactId: string;
  event: JourneyEvent;
}

/** One member's campaign state: `stopped` cancels that contact's journey alone. */
export interface CohortMemberState {
  contactId: string;
  state: CampaignState;
}

/** What a cohort returns and its progress query answers: counts, never one object per contact. */
export interface CohortProgress {
  contacts: number;
  running: number;
  exited: number;
  /** Journeys that failed (their progress could not be recorded, after its retries). */
  failed: number;
  converted: number;
  /** Exits by reason (a flow.exit reason or one of EXIT_REASONS). */
  exitReasons: Record<string, number>;
  /** Batch activities called, and the per-contact activity calls they carried. */
  batches: number;
  batchedCalls: number;
}

/** The per-contact activities a cohort batches. */
export type BatchableActivity = keyof JourneyActivities;

/**
 * One batch activity call: the inputs of many calls to one per-contact activity. What every input shares is sent
 * once (`shared`, merged under each item; its `journey` merged under each item's `journey`).
 */
export interface JourneyBatchInput {
  activity: BatchableActivity;
  shared: Record<string, unknown>;
  items: Array<Record<string, unknown>>;
}

/** Each item's outcome, in order: its result, or its failure as the per-contact activity would have thrown it. */
export type JourneyBatchItemResult = { ok: unknown } | { error: JourneyBatchItemError };

/**
 * An item the batch activity did not start: it could not have finished, at its own activity's time limit, before the
 * batch's. The cohort sends it again in its next batch, as the same attempt.
 */
export const BATCH_ITEM_NOT_STARTED = 'LoaBatchItemNotStarted';

export interface JourneyBatchItemError {
  /** The ApplicationFailure type (SEND_ERROR_TYPES, …) or the error's name. */
  type: string;
  message: string;
  details?: unknown[];
  nonRetryable: boolean;
  /** The delay the failure asked for before the next attempt (ApplicationFailure.nextRetryDelay), in ms. */
  nextRetryDelayMs?: number;
}

export interface CohortBatchActivities {
  /**
   * Runs the items through the per-contact activity (bounded concurrency), or all at once where the worker has a
   * whole-batch implementation (journeyBatchActivity's `whole`), heartbeating its progress.
   */
  performJourneyBatch(input: JourneyBatchInput): Promise<JourneyBatchItemResult[]>;
}
