import type { SendFailure } from '../../contract/send-outcome';

export type SpeedSmsCodeMeaning =
  | { kind: 'retryable'; message: string }
  | { kind: 'permanent'; scope: 'message' | 'recipient' | 'account'; message: string };

const account = (message: string): SpeedSmsCodeMeaning => ({ kind: 'permanent', scope: 'account', message });

/** Every error code providers.md §5.2 lists. */
export const SPEEDSMS_CODES: Readonly<Record<string, SpeedSmsCodeMeaning>> = {
  '007': account("SpeedSMS has locked this server's IP address."),
  '008': account('The SpeedSMS account is blocked.'),
  '009': account('This SpeedSMS account may not use the API.'),
  '101': { kind: 'permanent', scope: 'message', message: 'SpeedSMS rejected the request parameters.' },
  '105': { kind: 'permanent', scope: 'recipient', message: 'The phone number is not valid for SpeedSMS.' },
  '110': { kind: 'permanent', scope: 'message', message: 'SpeedSMS does not support the text encoding.' },
  '113': { kind: 'permanent', scope: 'message', message: 'The text is too long for SpeedSMS.' },
  '300': account('The SpeedSMS account balance is too low; top up the account.'),
  '500': { kind: 'retryable', message: 'SpeedSMS had an internal error; the send will be retried.' },
};

export function speedSmsFailure(input: {
  code: string;
  providerMessage?: string;
  correlationId: string;
}): SendFailure {
  const meaning: SpeedSmsCodeMeaning = SPEEDSMS_CODES[input.code] ?? {
    kind: 'permanent',
    scope: 'message',
    message: `SpeedSMS rejected the message (code ${input.code}).`,
  };
  const base = {
    status: 'failed' as const,
    code: input.code,
    message: meaning.message,
    correlationId: input.correlationId,
    ...(input.providerMessage ? { providerMessage: input.providerMessage } : {}),
  };
  switch (meaning.kind) {
    case 'retryable':
      return { ...base, class: 'retryable' };
    case 'permanent':
      return { ...base, class: 'permanent', scope: meaning.scope };
  }
}

/**
 * HTTP 429 (60 requests per 60 s): `X-Rate-Limit-Reset` is the number of seconds until a request is allowed again
 * (the Yii rate limiter SpeedSMS answers with).
 */
export function rateLimitedFailure(input: {
  resetHeader: string | string[] | undefined;
  correlationId: string;
}): SendFailure {
  const raw = Array.isArray(input.resetHeader) ? input.resetHeader[0] : input.resetHeader;
  const seconds = raw === undefined ? Number.NaN : Number(raw);
  return {
    status: 'failed',
    class: 'retryable',
    code: 'http_429',
    message: 'SpeedSMS rate limit reached (60 requests a minute); the send will be retried.',
    correlationId: input.correlationId,
    ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: Math.ceil(seconds * 1000) } : {}),
  };
}
