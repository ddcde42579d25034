import type { SendFailure } from '../contract/send-outcome';
import { networkErrorCode } from '../http/http-client';

/**
 * The request did not get an answer (refused, reset, timed out). Retryable; whether the provider acted on it is
 * unknown, which only a provider-side dedupe key (eSMS RequestId) makes safe.
 */
export function networkFailure(error: unknown, correlationId: string): SendFailure {
  const code = networkErrorCode(error) ?? 'network_error';
  return {
    status: 'failed',
    class: 'retryable',
    code,
    message: 'The SMS gateway could not be reached; the send will be retried.',
    providerMessage: error instanceof Error ? error.message : undefined,
    correlationId,
  };
}

/** An HTTP status with no provider envelope to read: 5xx and 429 are retryable, the rest are Loa's to fix. */
export function httpStatusFailure(input: {
  status: number;
  body: string;
  correlationId: string;
  retryAfterMs?: number;
}): SendFailure {
  const code = `http_${input.status}`;
  const providerMessage = input.body.slice(0, 300);
  if (input.status >= 500 || input.status === 429) {
    return {
      status: 'failed',
      class: 'retryable',
      code,
      message: 'The SMS gateway is unavailable or busy; the send will be retried.',
      providerMessage,
      correlationId: input.correlationId,
      ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
    };
  }
  return {
    status: 'failed',
    class: 'permanent',
    scope: input.status === 401 || input.status === 403 ? 'account' : 'message',
    code,
    message:
      input.status === 401 || input.status === 403
        ? 'The SMS gateway rejected the account credentials; check the SMS account settings.'
        : 'The SMS gateway rejected the request.',
    providerMessage,
    correlationId: input.correlationId,
  };
}

export function invalidPhoneFailure(input: { phone: string; correlationId: string }): SendFailure {
  return {
    status: 'failed',
    class: 'permanent',
    scope: 'recipient',
    code: 'loa_invalid_phone',
    message: `The phone number "${input.phone}" is not a valid mobile number for this SMS provider.`,
    correlationId: input.correlationId,
  };
}

/** Parses a JSON body, or undefined when it is not JSON (a proxy's HTML error page, an empty body). */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
