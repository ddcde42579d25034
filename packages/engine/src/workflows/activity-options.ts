import type { ActivityOptions, LocalActivityOptions, RetryPolicy } from '@temporalio/workflow';
import { SEND_ERROR_TYPES } from '../journey/journey-contract';
import { ACTIVITY_TIME_LIMIT_MS } from '../journey/item-time-limits';

/** A retry policy in milliseconds with a bounded number of attempts: a cohort applies it to one item of a batch. */
export interface CountedRetryPolicy extends RetryPolicy {
  initialInterval: number;
  backoffCoefficient: number;
  maximumInterval: number;
  maximumAttempts: number;
}

/**
 * Provider calls (sends, HTTP requests): retryable and token-expired failures back off 1 s, 2 s, 4 s … up to 5
 * minutes, 8 attempts in all. Quota and allowed-hours failures are not retried by Temporal: the journey waits until
 * the moment the connector names and calls again with the same idempotency key.
 */
export const PROVIDER_RETRY_POLICY = {
  initialInterval: 1000,
  backoffCoefficient: 2,
  maximumInterval: 5 * 60_000,
  maximumAttempts: 8,
  nonRetryableErrorTypes: [SEND_ERROR_TYPES.quotaExhausted, SEND_ERROR_TYPES.outsideAllowedHours],
} satisfies CountedRetryPolicy;

export const PROVIDER_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: ACTIVITY_TIME_LIMIT_MS.provider,
  retry: PROVIDER_RETRY_POLICY,
};

/**
 * HTTP steps: the step's own timeout (at most MAX_HTTP_TIMEOUT_SECONDS) bounds the call, and the activity also loads
 * the contact and applies the response mapping; its limit leaves a minute beyond the longest call, so that a slow
 * answer is never timed out by Temporal (which would call the webhook a second time).
 */
export const HTTP_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: ACTIVITY_TIME_LIMIT_MS.http,
  retry: PROVIDER_RETRY_POLICY,
};

/** Our own database and services (contact data, campaign state, audience pages): patient, about an hour. */
export const INTERNAL_RETRY_POLICY = {
  initialInterval: 1000,
  backoffCoefficient: 2,
  maximumInterval: 5 * 60_000,
  maximumAttempts: 20,
} satisfies CountedRetryPolicy;

export const INTERNAL_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: ACTIVITY_TIME_LIMIT_MS.internal,
  retry: INTERNAL_RETRY_POLICY,
};

/** Starting a batch of journeys talks to Temporal once per contact. */
export const BATCH_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: INTERNAL_RETRY_POLICY,
};

/** Progress records run as local activities: cheap on the fast path, retried for about half an hour. */
export const RECORD_RETRY_POLICY = {
  initialInterval: 1000,
  backoffCoefficient: 2,
  maximumInterval: 60_000,
  maximumAttempts: 30,
} satisfies CountedRetryPolicy;

export const RECORD_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: ACTIVITY_TIME_LIMIT_MS.record,
  retry: RECORD_RETRY_POLICY,
};

/**
 * A cohort's batch activity: many per-contact calls, each with its own outcome. It heartbeats as its items finish,
 * so a worker that dies is noticed within the heartbeat timeout and the batch runs again elsewhere (its items are
 * idempotent: sends answer their recorded outcome). Failures of single items are values, retried by the cohort
 * with the item's own policy; only a batch that cannot run at all is retried here.
 */
export const BATCH_JOURNEY_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '1 minute',
  retry: INTERNAL_RETRY_POLICY,
};
