import type { SendFailure } from '../../contract/send-outcome';

export type TwilioCodeMeaning =
  | { kind: 'retryable'; message: string }
  | {
      kind: 'permanent';
      scope: 'message' | 'recipient' | 'account';
      message: string;
      fallbackSuggested?: boolean;
    };

const recipient = (message: string, fallbackSuggested = false): TwilioCodeMeaning => ({
  kind: 'permanent',
  scope: 'recipient',
  message,
  ...(fallbackSuggested ? { fallbackSuggested } : {}),
});

/** Every Twilio error code providers.md §5.3 lists. */
export const TWILIO_CODES: Readonly<Record<string, TwilioCodeMeaning>> = {
  '20003': { kind: 'permanent', scope: 'account', message: 'Twilio rejected the account SID or auth token.' },
  '20429': { kind: 'retryable', message: 'Twilio rate limit reached; the send will be retried.' },
  '21211': recipient('The phone number is not a valid number for Twilio.'),
  '21608': {
    kind: 'permanent',
    scope: 'account',
    message: 'This Twilio trial account can only send to verified numbers; upgrade it or verify the number.',
  },
  '21610': recipient('The recipient replied STOP to this sender and is unsubscribed from its SMS.'),
  '21612': recipient('Twilio cannot route SMS from this sender to this number.', true),
  '21614': recipient('The number cannot receive SMS.', true),
  '30003': recipient('The phone is unreachable (switched off or out of coverage).', true),
  '30006': recipient('The number is a landline or cannot receive SMS.', true),
};

export function twilioFailure(input: {
  code: string;
  httpStatus: number;
  providerMessage?: string;
  retryAfterMs?: number;
  correlationId: string;
}): SendFailure {
  const meaning = TWILIO_CODES[input.code] ?? fallbackMeaning(input.code, input.httpStatus);
  const base = {
    status: 'failed' as const,
    code: input.code,
    message: meaning.message,
    correlationId: input.correlationId,
    ...(input.providerMessage ? { providerMessage: input.providerMessage } : {}),
  };
  switch (meaning.kind) {
    case 'retryable':
      return {
        ...base,
        class: 'retryable',
        ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
      };
    case 'permanent':
      return {
        ...base,
        class: 'permanent',
        scope: meaning.scope,
        ...(meaning.fallbackSuggested ? { fallbackSuggested: true } : {}),
      };
  }
}

/** A code providers.md does not list: judged by the HTTP status, and permanent when that says nothing more. */
function fallbackMeaning(code: string, httpStatus: number): TwilioCodeMeaning {
  if (httpStatus === 429 || httpStatus >= 500) {
    return { kind: 'retryable', message: 'Twilio is unavailable or busy; the send will be retried.' };
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return { kind: 'permanent', scope: 'account', message: 'Twilio rejected the account credentials.' };
  }
  return { kind: 'permanent', scope: 'message', message: `Twilio rejected the message (code ${code}).` };
}
