import type { SendFailure } from './send-outcome';

/**
 * The request got no answer (refused, reset, timed out): retryable. Whether the provider acted on it is unknown,
 * which only a provider-side dedupe key (ZNS tracking_id is not one; eSMS RequestId is) or the send ledger makes safe.
 */
export function networkFailure(input: {
  /** Who could not be reached, as a sentence starts: "Zalo", "The SMS gateway". */
  service: string;
  code: string;
  detail?: string;
  correlationId: string;
}): SendFailure {
  return {
    status: 'failed',
    class: 'retryable',
    code: input.code,
    message: `${input.service} could not be reached; the message will be retried.`,
    ...(input.detail === undefined ? {} : { providerMessage: input.detail }),
    correlationId: input.correlationId,
  };
}

/**
 * An HTTP status with no provider envelope to read: 429 and 5xx are retryable, 401/403 mean the account's
 * credentials are wrong, any other status means the request was wrong.
 */
export function httpStatusFailure(input: {
  service: string;
  status: number;
  body?: string;
  correlationId: string;
  retryAfterMs?: number;
}): SendFailure {
  const code = `http_${input.status}`;
  const providerMessage = input.body === undefined ? {} : { providerMessage: input.body.slice(0, 300) };
  if (input.status >= 500 || input.status === 429) {
    return {
      status: 'failed',
      class: 'retryable',
      code,
      message: `${input.service} is unavailable or busy (HTTP ${input.status}); the message will be retried.`,
      ...providerMessage,
      correlationId: input.correlationId,
      ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
    };
  }
  const credentials = input.status === 401 || input.status === 403;
  return {
    status: 'failed',
    class: 'permanent',
    scope: credentials ? 'account' : 'message',
    code,
    message: credentials
      ? `${input.service} rejected the account's credentials (HTTP ${input.status}); check the account settings.`
      : `${input.service} refused the request (HTTP ${input.status}).`,
    ...providerMessage,
    correlationId: input.correlationId,
  };
}

/**
 * The provider answered (HTTP 2xx) with something that does not say whether it accepted the message: its own success
 * or failure indicator cannot be read. Whether the message went out is unknown, so it is not retried (see
 * SendFailure `outcome_unknown`). The detail names what could not be read, never the whole body.
 */
export function unknownOutcome(input: {
  service: string;
  detail: string;
  correlationId: string;
}): SendFailure {
  return {
    status: 'failed',
    class: 'outcome_unknown',
    code: 'loa_unreadable_answer',
    message: `${input.service} answered in a way Loa cannot read, so whether the message was sent is unknown.`,
    providerMessage: input.detail,
    correlationId: input.correlationId,
  };
}
