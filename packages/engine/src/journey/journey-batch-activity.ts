import {
  BATCH_ITEM_NOT_STARTED,
  type BatchableActivity,
  type CohortBatchActivities,
  type JourneyBatchItemError,
  type JourneyBatchItemResult,
} from './cohort-contract';
import type { JourneyActivities } from './journey-contract';
import { mergeInput } from './batch-inputs';
import { ITEM_TIME_LIMIT_MS } from './item-time-limits';

/** Items of one batch in flight at once, unless the worker says otherwise. */
export const DEFAULT_BATCH_CONCURRENCY = 32;
/** A batch whose items are slow still tells Temporal it is alive this often. */
const HEARTBEAT_EVERY_MS = 10_000;
/** Time kept in hand at the end of a batch's time limit, for its answer to reach Temporal. */
export const BATCH_TIME_MARGIN_MS = 5_000;

export interface JourneyBatchOptions {
  /** Items in flight at once (the send service's batch concurrency). */
  concurrency?: number;
  /** Tells Temporal the batch is alive, with how many items are done (the activity context's heartbeat). */
  heartbeat?: (done: number) => void;
  /**
   * Activities that can take a whole batch at once (e.g. one statement for every record): they answer one result per
   * input, in order. When one throws, its items run one by one through the per-contact activity instead, so that one
   * bad item fails only itself.
   */
  whole?: {
    [A in BatchableActivity]?: (inputs: Parameters<JourneyActivities[A]>[0][]) => Promise<unknown[]>;
  };
  /**
   * The batch activity's own time limit (its startToCloseTimeout). Items are run one by one only while each can still
   * finish, at its per-contact activity's time limit, before it: a batch that Temporal timed out would run again and
   * call again what had no idempotency key (an HTTP step). The others answer BATCH_ITEM_NOT_STARTED.
   */
  timeLimitMs?: () => number | undefined;
  /** The clock (tests); Date.now by default. */
  now?: () => number;
  /** Each item's time limit (tests); ITEM_TIME_LIMIT_MS by default. */
  itemTimeLimitMs?: (activity: BatchableActivity) => number;
}

/**
 * The cohort's batch activity, over the per-contact activities: each item runs through its activity with bounded
 * concurrency and answers its own result or failure. Items are idempotent (sends answer the outcome the ledger
 * recorded under their key), so a batch that runs again after its worker died sends nothing twice.
 */
export function journeyBatchActivity(
  activities: JourneyActivities,
  options: JourneyBatchOptions = {},
): CohortBatchActivities {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_BATCH_CONCURRENCY);
  return {
    async performJourneyBatch({ activity, shared, items }) {
      const now = options.now ?? Date.now;
      const batchLimit = options.timeLimitMs?.();
      const startLatest =
        batchLimit === undefined
          ? Number.POSITIVE_INFINITY
          : now() +
            batchLimit -
            BATCH_TIME_MARGIN_MS -
            (options.itemTimeLimitMs ?? ((name) => ITEM_TIME_LIMIT_MS[name]))(activity);
      const perform = activities[activity] as (input: unknown) => Promise<unknown>;
      if (typeof perform !== 'function') throw new Error(`No journey activity "${activity}"`);
      const whole = options.whole?.[activity] as
        ((inputs: unknown[]) => Promise<PromiseSettledResult<unknown>[]>) | undefined;
      if (whole && items.length > 1) {
        try {
          const settled = await whole(items.map((item) => mergeInput(shared, item)));
          if (settled.length !== items.length) throw new Error('one result per input');
          options.heartbeat?.(items.length);
          return settled.map((result) =>
            result.status === 'fulfilled'
              ? { ok: result.value ?? null }
              : { error: itemError(result.reason) },
          );
        } catch {
          // One by one below: each item gets its own outcome.
        }
      }
      const results: JourneyBatchItemResult[] = new Array(items.length);
      let next = 0;
      let done = 0;
      const beat = setInterval(() => options.heartbeat?.(done), HEARTBEAT_EVERY_MS);
      const lane = async () => {
        while (next < items.length) {
          const index = next++;
          // The first item always runs: every batch makes progress.
          if (index > 0 && now() > startLatest) {
            results[index] = { error: notStarted() };
            continue;
          }
          try {
            const value = await perform.call(activities, mergeInput(shared, items[index]));
            results[index] = { ok: value ?? null };
          } catch (error) {
            results[index] = { error: itemError(error) };
          }
          done += 1;
          options.heartbeat?.(done);
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
      } finally {
        clearInterval(beat);
      }
      return results;
    },
  };
}

function notStarted(): JourneyBatchItemError {
  return {
    type: BATCH_ITEM_NOT_STARTED,
    message: 'Not started: it could not have finished within the batch activity time limit',
    nonRetryable: false,
  };
}

/** The failure as Temporal would have reported it for the per-contact activity (ApplicationFailure or Error). */
function itemError(error: unknown): JourneyBatchItemError {
  if (!(error instanceof Error)) return { type: 'Error', message: String(error), nonRetryable: false };
  const failure = error as Error & {
    type?: unknown;
    nonRetryable?: unknown;
    details?: unknown;
    nextRetryDelay?: unknown;
  };
  return {
    type: typeof failure.type === 'string' && failure.type !== '' ? failure.type : error.name,
    message: error.message,
    nonRetryable: failure.nonRetryable === true,
    ...(Array.isArray(failure.details) && failure.details.length > 0 && { details: failure.details }),
    ...(typeof failure.nextRetryDelay === 'number' && { nextRetryDelayMs: failure.nextRetryDelay }),
  };
}
