import type { ActivityOptions, LocalActivityOptions, RetryPolicy } from '@temporalio/workflow';
import { MAX_HTTP_TIMEOUT_SECONDS } from '../graph/nodes/http-limits';
import { SEND_ERROR_TYPES } from '../journey/journey-contract';

/**
 * Provider calls (sends, HTTP requests): retryable and token-expired failures back off 1 s, 2 s, 4 s … up to 5
 * minutes, 8 attempts in all. Quota and allowed-hours failures are not retried by Temporal: the journey waits until
 * the moment the connector names and calls again with the same idempotency key.
 */
export const PROVIDER_RETRY_POLICY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
  maximumAttempts: 8,
  nonRetryableErrorTypes: [SEND_ERROR_TYPES.quotaExhausted, SEND_ERROR_TYPES.outsideAllowedHours],
};

export const PROVIDER_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: PROVIDER_RETRY_POLICY,
};

/**
 * HTTP steps: the step's own timeout (at most MAX_HTTP_TIMEOUT_SECONDS) bounds the call, and the activity also loads
 * the contact and applies the response mapping; its limit leaves a minute beyond the longest call, so that a slow
 * answer is never timed out by Temporal (which would call the webhook a second time).
 */
export const HTTP_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: `${MAX_HTTP_TIMEOUT_SECONDS + 60} seconds`,
  retry: PROVIDER_RETRY_POLICY,
};

/** Our own database and services (contact data, campaign state, audience pages): patient, about an hour. */
export const INTERNAL_RETRY_POLICY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
  maximumAttempts: 20,
};

export const INTERNAL_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: INTERNAL_RETRY_POLICY,
};

/** Starting a batch of journeys talks to Temporal once per contact. */
export const BATCH_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: INTERNAL_RETRY_POLICY,
};

/** Progress records run as local activities: cheap on the fast path, retried for about half an hour. */
export const RECORD_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 30,
  },
};
