import type {
  BatchableActivity,
  CohortBatchActivities,
  JourneyBatchItemError,
  JourneyBatchItemResult,
} from './cohort-contract';
import type { JourneyActivities } from './journey-contract';
import { mergeInput } from './batch-inputs';

/** Items of one batch in flight at once, unless the worker says otherwise. */
export const DEFAULT_BATCH_CONCURRENCY = 32;
/** A batch whose items are slow still tells Temporal it is alive this often. */
const HEARTBEAT_EVERY_MS = 10_000;

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
