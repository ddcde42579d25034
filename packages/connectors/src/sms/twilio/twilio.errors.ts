import {
  failureFromRule,
  permanent,
  retryable,
  type ErrorEntry,
  type ErrorTable,
} from '../../contract/error-rule';
import type { SendFailure } from '../../contract/send-outcome';

/** Every Twilio error code providers.md §5.3 lists. */
export const TWILIO_ERRORS: ErrorTable = {
  '20003': permanent('account', 'Twilio rejected the account SID or auth token.'),
  '20429': retryable('Twilio rate limit reached; the send will be retried.'),
  '21211': permanent('recipient', 'The phone number is not a valid number for Twilio.'),
  '21608': permanent(
    'account',
    'This Twilio trial account can only send to verified numbers; upgrade it or verify the number.',
  ),
  '21610': permanent(
    'recipient',
    'The recipient replied STOP to this sender and is unsubscribed from its SMS.',
  ),
  '21612': permanent('recipient', 'Twilio cannot route SMS from this sender to this number.', {
    fallbackSuggested: true,
  }),
  '21614': permanent('recipient', 'The number cannot receive SMS.', { fallbackSuggested: true }),
  '30003': permanent('recipient', 'The phone is unreachable (switched off or out of coverage).', {
    fallbackSuggested: true,
  }),
  '30006': permanent('recipient', 'The number is a landline or cannot receive SMS.', {
    fallbackSuggested: true,
  }),
};

export function twilioFailure(input: {
  code: string;
  httpStatus: number;
  providerMessage?: string;
  retryAfterMs?: number;
  correlationId: string;
  now: number;
}): SendFailure {
  return failureFromRule({
    entry: TWILIO_ERRORS[input.code] ?? fallbackEntry(input.code, input.httpStatus),
    code: input.code,
    providerMessage: input.providerMessage,
    correlationId: input.correlationId,
    now: input.now,
    retryAfterMs: input.retryAfterMs,
  });
}

/** A code providers.md does not list: judged by the HTTP status, and permanent when that says nothing more. */
function fallbackEntry(code: string, httpStatus: number): ErrorEntry {
  if (httpStatus === 429 || httpStatus >= 500) {
    return retryable('Twilio is unavailable or busy; the send will be retried.');
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return permanent('account', 'Twilio rejected the account credentials.');
  }
  return permanent('message', `Twilio rejected the message (code ${code}).`);
}
