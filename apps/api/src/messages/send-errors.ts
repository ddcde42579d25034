import type { SendFailure } from '@loa/connectors';
import { SEND_ERROR_TYPES } from '@loa/engine';

type SendErrorType = (typeof SEND_ERROR_TYPES)[keyof typeof SEND_ERROR_TYPES];

/**
 * A transient send failure, thrown so that the caller retries (Temporal retries activities by error type): its
 * `name` is one of the engine's `SEND_ERROR_TYPES`, and `retryAtMs` says when to try again when the provider says.
 */
export class SendError extends Error {
  constructor(
    readonly type: SendErrorType,
    message: string,
    readonly code: string,
    readonly retryAtMs?: number,
  ) {
    super(message);
    this.name = type;
  }
}

/** The connectors' failure classes that are worth another try, with the engine error type each becomes. */
export function transientError(failure: SendFailure, nowMs: number): SendError | undefined {
  switch (failure.class) {
    case 'retryable':
      return new SendError(
        SEND_ERROR_TYPES.retryable,
        failure.message,
        failure.code,
        failure.retryAfterMs === undefined ? undefined : nowMs + failure.retryAfterMs,
      );
    case 'token_expired':
      return new SendError(SEND_ERROR_TYPES.tokenExpired, failure.message, failure.code);
    case 'quota_exhausted':
      return new SendError(
        SEND_ERROR_TYPES.quotaExhausted,
        failure.message,
        failure.code,
        Date.parse(failure.resetsAt),
      );
    case 'outside_window':
      return new SendError(
        SEND_ERROR_TYPES.outsideAllowedHours,
        failure.message,
        failure.code,
        Date.parse(failure.opensAt),
      );
    case 'outcome_unknown':
      // Only OTP and transactional messages get here (marketing is settled as unknown): sent again, as after a crash.
      return new SendError(SEND_ERROR_TYPES.retryable, failure.message, failure.code);
    case 'permanent':
      return undefined;
  }
}

/**
 * A connector that threw instead of answering (a bug, an error it does not classify): the request may have reached
 * the provider, so the outcome is unknown, as with an unreadable answer. No correlation id: the row keeps its own.
 */
export function interruptedSend(): Extract<SendFailure, { class: 'outcome_unknown' }> {
  return {
    status: 'failed',
    class: 'outcome_unknown',
    code: 'loa_send_interrupted',
    message: 'The send was interrupted after the provider may have been called; its outcome is unknown',
    correlationId: '',
  };
}

/** A row whose last attempt failed with one of these may be attempted again under the same key. */
export const TRANSIENT_CLASSES = [
  'retryable',
  'token_expired',
  'quota_exhausted',
  'outside_window',
  'outcome_unknown',
] as const;

/** A message is already in flight under this key (another process is sending it): try again shortly. */
export function inFlightError(): SendError {
  return new SendError(
    SEND_ERROR_TYPES.retryable,
    'This message is being sent by another worker',
    'loa_in_flight',
  );
}
