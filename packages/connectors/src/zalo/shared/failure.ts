import type { SendFailure } from '../../contract/send-outcome';
import type { AccessTokenFailure } from '../tokens/access-token-result';
import { failureFromRule, unknownCodeEntry, type ErrorEntry } from '../../contract/error-rule';
import {
  httpStatusFailure,
  networkFailure,
  unansweredSend,
  unknownOutcome,
} from '../../contract/transport-failure';
import type { ZaloTokenCallFailure } from './with-zalo-token';
import type { ZaloCallFailure } from './zalo-call';

/** Any way a Zalo send can fail (token, transport or Zalo's own code) as a classified SendFailure. */
export function zaloSendFailure({
  failure,
  channel,
  errors,
  correlationId,
  now,
}: {
  failure: ZaloTokenCallFailure;
  /** Named in the message of a code missing from `errors`. */
  channel: string;
  errors: Readonly<Record<number, ErrorEntry>>;
  correlationId: string;
  now: number;
}): SendFailure {
  switch (failure.kind) {
    case 'not_connected':
    case 'reauthorization_required':
    case 'refresh_refused':
    case 'unavailable':
      return tokenFailure(failure, correlationId);
    case 'provider':
      return failureFromRule({
        entry: errors[failure.code] ?? unknownCodeEntry(channel, failure.code),
        code: String(failure.code),
        providerMessage: failure.providerMessage,
        correlationId,
        now,
      });
    case 'http':
    case 'network':
    case 'invalid_response':
      return transportFailure(failure, correlationId);
  }
}

/**
 * How the call that sends a message failed. Like `zaloSendFailure`, except that an answer whose envelope cannot be
 * read, or no answer to a request that may have reached Zalo, leaves the outcome unknown: Zalo may have sent the
 * message and cannot recognise a resend (tracking_id is not a dedupe key).
 */
export function zaloMessageFailure(input: Parameters<typeof zaloSendFailure>[0]): SendFailure {
  const { failure, correlationId } = input;
  if (failure.kind === 'invalid_response') {
    return unknownOutcome({ service: 'Zalo', detail: failure.detail, correlationId });
  }
  if (failure.kind === 'network' && failure.mayHaveArrived) {
    return unansweredSend({ service: 'Zalo', code: failure.code, correlationId });
  }
  return zaloSendFailure(input);
}

/**
 * Failures every Zalo call can end in before Zalo's own code is read: transport and token trouble. A call that only
 * reads (token, template list, quota) is retried whatever happened to the request: reading twice is harmless.
 */
export function transportFailure(
  failure: Exclude<ZaloCallFailure, { kind: 'provider' }>,
  correlationId: string,
): SendFailure {
  switch (failure.kind) {
    case 'network':
      return networkFailure({ service: 'Zalo', code: failure.code, correlationId });
    case 'http':
      return httpStatusFailure({ service: 'Zalo', status: failure.status, correlationId });
    case 'invalid_response':
      return {
        status: 'failed',
        class: 'retryable',
        code: 'loa_invalid_response',
        message: 'Zalo answered with something unexpected; the message will be retried.',
        providerMessage: failure.detail,
        correlationId,
      };
  }
}

export function tokenFailure(failure: AccessTokenFailure, correlationId: string): SendFailure {
  switch (failure.kind) {
    case 'unavailable':
      return {
        status: 'failed',
        class: 'retryable',
        code: failure.code,
        message: failure.message,
        correlationId,
      };
    case 'not_connected':
    case 'reauthorization_required':
    case 'refresh_refused':
      return {
        status: 'failed',
        class: 'permanent',
        scope: 'account',
        code: failure.code,
        message: failure.message,
        correlationId,
      };
  }
}
