import {
  failureFromRule,
  permanent,
  retryable,
  unknownCodeEntry,
  type ErrorTable,
} from '../../contract/error-rule';
import type { SendFailure } from '../../contract/send-outcome';

/** Every error code providers.md §5.2 lists. */
export const SPEEDSMS_ERRORS: ErrorTable = {
  '007': permanent('account', "SpeedSMS has locked this server's IP address."),
  '008': permanent('account', 'The SpeedSMS account is blocked.'),
  '009': permanent('account', 'This SpeedSMS account may not use the API.'),
  '101': permanent('message', 'SpeedSMS rejected the request parameters.'),
  '105': permanent('recipient', 'The phone number is not valid for SpeedSMS.'),
  '110': permanent('message', 'SpeedSMS does not support the text encoding.'),
  '113': permanent('message', 'The text is too long for SpeedSMS.'),
  '300': permanent('account', 'The SpeedSMS account balance is too low; top up the account.'),
  '500': retryable('SpeedSMS had an internal error; the send will be retried.'),
};

const RATE_LIMITED = retryable(
  'SpeedSMS rate limit reached (60 requests a minute); the send will be retried.',
);

export function speedSmsFailure(input: {
  code: string;
  providerMessage?: string;
  correlationId: string;
  now: number;
}): SendFailure {
  return failureFromRule({
    entry: SPEEDSMS_ERRORS[input.code] ?? unknownCodeEntry('SpeedSMS', input.code),
    code: input.code,
    providerMessage: input.providerMessage,
    correlationId: input.correlationId,
    now: input.now,
  });
}

/**
 * HTTP 429 (60 requests per 60 s): `X-Rate-Limit-Reset` is the number of seconds until a request is allowed again
 * (the Yii rate limiter SpeedSMS answers with).
 */
export function rateLimitedFailure(input: {
  resetHeader: string | string[] | undefined;
  correlationId: string;
  now: number;
}): SendFailure {
  const raw = Array.isArray(input.resetHeader) ? input.resetHeader[0] : input.resetHeader;
  const seconds = raw === undefined ? Number.NaN : Number(raw);
  return failureFromRule({
    entry: RATE_LIMITED,
    code: 'http_429',
    correlationId: input.correlationId,
    now: input.now,
    ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: Math.ceil(seconds * 1000) } : {}),
  });
}
