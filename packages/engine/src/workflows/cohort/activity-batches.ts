import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type {
  BatchableActivity,
  JourneyBatchInput,
  JourneyBatchItemError,
  JourneyBatchItemResult,
} from '../../journey/cohort-contract';
import { BATCH_ITEM_NOT_STARTED, MAX_COHORT_CONTACTS } from '../../journey/cohort-contract';
import {
  INTERNAL_RETRY_POLICY,
  PROVIDER_RETRY_POLICY,
  RECORD_RETRY_POLICY,
  type CountedRetryPolicy,
} from '../activity-options';
import { afterOthersBlock } from './after-others-block';
import { factorInputs } from '../../journey/batch-inputs';
import type { SharedTimers } from './shared-timers';

/** Each per-contact activity's retry policy, applied by the cohort to that activity's items. */
const ITEM_RETRY_POLICY: Record<BatchableActivity, CountedRetryPolicy> = {
  sendZns: PROVIDER_RETRY_POLICY,
  sendOa: PROVIDER_RETRY_POLICY,
  sendSms: PROVIDER_RETRY_POLICY,
  sendEmail: PROVIDER_RETRY_POLICY,
  callHttp: PROVIDER_RETRY_POLICY,
  evaluateCondition: INTERNAL_RETRY_POLICY,
  readContactAttributes: INTERNAL_RETRY_POLICY,
  updateContact: INTERNAL_RETRY_POLICY,
  getCampaignState: INTERNAL_RETRY_POLICY,
  recordJourney: RECORD_RETRY_POLICY,
};

/** A batch activity's input stays below this size (Temporal warns from 512 KB and refuses 2 MB). */
const MAX_BATCH_BYTES = 400_000;

/** Activities whose equal inputs in one batch are asked once (reads of one campaign). */
const ASKED_ONCE: BatchableActivity[] = ['getCampaignState'];

interface Call {
  activity: BatchableActivity;
  input: Record<string, unknown>;
  attempt: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The cohort's activity calls, gathered into batch activities: the calls its journeys make while the workflow runs
 * one activation go out together, one batch per activity and step, once every journey has gone as far as it can.
 * Each call gets its own outcome. A call that fails is retried by its activity's own policy (backing off on the
 * cohort's shared timers) and, when that gives up, fails as the per-contact activity would have.
 */
export class ActivityBatches {
  private queued = new Map<string, Call[]>();
  private flushing = false;
  batches = 0;
  batchedCalls = 0;

  constructor(
    private readonly timers: SharedTimers,
    private readonly perform: (input: JourneyBatchInput) => Promise<JourneyBatchItemResult[]>,
  ) {}

  /** A per-contact activity function whose calls this batches. */
  activity<A extends BatchableActivity>(activity: A) {
    return (input: object): Promise<never> =>
      new Promise((resolve, reject) =>
        this.enqueue({
          activity,
          input: input as Record<string, unknown>,
          attempt: 1,
          resolve: resolve as (value: unknown) => void,
          reject,
        }),
      );
  }

  private enqueue(call: Call): void {
    const stepId = typeof call.input.stepId === 'string' ? call.input.stepId : '';
    const key = `${call.activity}\u0000${stepId}`;
    const calls = this.queued.get(key) ?? [];
    calls.push(call);
    this.queued.set(key, calls);
    if (!this.flushing) {
      this.flushing = true;
      this.flush().catch((error: unknown) => this.failQueued(error));
    }
  }

  private async flush(): Promise<void> {
    await afterOthersBlock();
    this.flushing = false;
    const groups = [...this.queued.values()];
    this.queued = new Map();
    await Promise.all(
      groups.flatMap((calls) => chunks(calls, MAX_COHORT_CONTACTS)).map((calls) => this.run(calls)),
    );
  }

  /** The cohort was cancelled while calls waited to go out: they fail with it. */
  private failQueued(error: unknown): void {
    this.flushing = false;
    const queued = [...this.queued.values()].flat();
    this.queued = new Map();
    for (const call of queued) call.reject(error);
  }

  private async run(calls: Call[]): Promise<void> {
    const { activity } = calls[0];
    const asked = ASKED_ONCE.includes(activity) ? distinctInputs(calls) : calls.map((call) => call.input);
    const { shared, items } = factorInputs(asked);
    if (calls.length > 1 && !ASKED_ONCE.includes(activity) && payloadBytes(shared, items) > MAX_BATCH_BYTES) {
      // Well below Temporal's 2 MB payload limit: halves until each batch fits.
      const half = Math.ceil(calls.length / 2);
      await Promise.all([this.run(calls.slice(0, half)), this.run(calls.slice(half))]);
      return;
    }
    this.batches += 1;
    this.batchedCalls += calls.length;
    let results: JourneyBatchItemResult[];
    try {
      results = await this.perform({ activity, shared, items });
    } catch (error) {
      // The batch could not run at all, even after its own retries: each call fails as its activity would have.
      for (const call of calls) call.reject(error);
      return;
    }
    if (ASKED_ONCE.includes(activity)) {
      const byInput = new Map(asked.map((input, index) => [JSON.stringify(input), results[index]]));
      for (const call of calls) this.settle(call, byInput.get(JSON.stringify(call.input)));
    } else calls.forEach((call, index) => this.settle(call, results[index]));
  }

  private settle(call: Call, result: JourneyBatchItemResult | undefined): void {
    if (result === undefined) {
      call.reject(itemFailure(call.activity, lostItem(), 'NON_RETRYABLE_FAILURE'));
      return;
    }
    if ('ok' in result) {
      call.resolve(result.ok ?? undefined);
      return;
    }
    // Not tried (no time left in its batch): it goes in the next batch, the same attempt.
    if (result.error.type === BATCH_ITEM_NOT_STARTED) {
      this.enqueue(call);
      return;
    }
    const policy = ITEM_RETRY_POLICY[call.activity];
    const retryable =
      !result.error.nonRetryable && !(policy.nonRetryableErrorTypes ?? []).includes(result.error.type);
    if (!retryable) {
      call.reject(itemFailure(call.activity, result.error, 'NON_RETRYABLE_FAILURE'));
      return;
    }
    if (call.attempt >= policy.maximumAttempts) {
      call.reject(itemFailure(call.activity, result.error, 'MAXIMUM_ATTEMPTS_REACHED'));
      return;
    }
    // The provider's own delay (e.g. Retry-After) when the failure names one, as Temporal honours nextRetryDelay.
    const backoffMs =
      result.error.nextRetryDelayMs ??
      Math.min(
        policy.initialInterval * policy.backoffCoefficient ** (call.attempt - 1),
        policy.maximumInterval,
      );
    call.attempt += 1;
    this.timers.sleepUntil(Date.now() + backoffMs).then(
      () => this.enqueue(call),
      (error: unknown) => call.reject(error),
    );
  }
}

/** The failure the per-contact activity would have ended with: its ApplicationFailure, as Temporal wraps it. */
function itemFailure(
  activity: BatchableActivity,
  error: JourneyBatchItemError,
  retryState: 'NON_RETRYABLE_FAILURE' | 'MAXIMUM_ATTEMPTS_REACHED',
): ActivityFailure {
  const cause = ApplicationFailure.create({
    type: error.type,
    message: error.message,
    nonRetryable: error.nonRetryable,
    ...(error.details && { details: error.details }),
  });
  return new ActivityFailure('Activity task failed', activity, undefined, retryState, undefined, cause);
}

function lostItem(): JourneyBatchItemError {
  return {
    type: 'LoaBatchItemMissing',
    message: 'The batch answered no result for this item',
    nonRetryable: true,
  };
}

function distinctInputs(calls: Call[]): Array<Record<string, unknown>> {
  const byJson = new Map(calls.map((call) => [JSON.stringify(call.input), call.input]));
  return [...byJson.values()];
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

function payloadBytes(shared: Record<string, unknown>, items: Array<Record<string, unknown>>): number {
  return items.reduce((total, item) => total + JSON.stringify(item).length, JSON.stringify(shared).length);
}
