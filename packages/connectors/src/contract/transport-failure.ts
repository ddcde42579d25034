import { mayHaveReachedServer, networkErrorCode } from '../http/network-error';
import type { SendFailure } from './send-outcome';

/**
 * The request got no answer, and either it cannot have reached the provider (no connection was made) or the provider
 * recognises a resend (eSMS RequestId): retryable.
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
 * A send request that may have reached the provider got no answer (the connection was reset or closed after the
 * request was written, or the answer timed out): the provider may have sent the message, and one that cannot
 * recognise a resend would send it twice, so whether it was sent is unknown (SendFailure `outcome_unknown`).
 */
export function unansweredSend(input: {
  service: string;
  code: string;
  detail?: string;
  correlationId: string;
}): SendFailure {
  return {
    status: 'failed',
    class: 'outcome_unknown',
    code: input.code,
    message: `${input.service} did not answer after the message was sent to it; it may have received the message, so whether it was sent is unknown.`,
    ...(input.detail === undefined ? {} : { providerMessage: input.detail }),
    correlationId: input.correlationId,
  };
}

/**
 * How a send request that got no answer failed: retryable when it cannot have reached the provider, or when the
 * provider recognises a resend (`resendRecognised`: it deduplicates on Loa's correlation id); otherwise unknown.
 */
export function sendNetworkFailure(input: {
  service: string;
  error: unknown;
  correlationId: string;
  resendRecognised?: boolean;
}): SendFailure {
  const failure = {
    service: input.service,
    code: networkErrorCode(input.error) ?? 'network_error',
    ...(input.error instanceof Error ? { detail: input.error.message } : {}),
    correlationId: input.correlationId,
  };
  return input.resendRecognised || !mayHaveReachedServer(input.error)
    ? networkFailure(failure)
    : unansweredSend(failure);
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
