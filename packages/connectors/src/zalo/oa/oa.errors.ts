import type { ErrorEntry } from '../../contract/error-rule';

const message = { class: 'permanent', scope: 'message' } as const;
const recipient = { class: 'permanent', scope: 'recipient' } as const;
const account = { class: 'permanent', scope: 'account' } as const;

/** Every OA API v3 error code of providers.md §3.4–§3.5, with its class and a sentence for the marketer. */
export const OA_ERRORS: Readonly<Record<number, ErrorEntry>> = {
  [-32]: {
    rule: { class: 'retryable', retryAfterMs: 60_000 },
    message: 'The Zalo app sent too many requests this minute; the message will be retried.',
  },
  [-100]: {
    rule: message,
    message: 'The attached image or file has expired (uploads last 7 days); upload it again.',
  },
  [-201]: { rule: message, message: 'A parameter of the message is invalid.' },
  [-204]: { rule: account, message: 'The Official Account is disabled.' },
  [-205]: { rule: account, message: 'The Official Account does not exist.' },
  [-209]: { rule: account, message: 'The Zalo app is not activated.' },
  [-211]: {
    rule: { class: 'quota_exhausted', resets: 'vietnam_midnight' },
    message: 'The OA is out of quota for this type of message.',
  },
  [-212]: { rule: account, message: 'The Zalo app has not registered this API.' },
  [-213]: { rule: recipient, message: 'The user does not follow the OA.' },
  [-216]: { rule: { class: 'token_expired' }, message: 'The Zalo access token is invalid.' },
  [-217]: { rule: recipient, message: 'The user blocked invitations from the OA.' },
  [-220]: { rule: { class: 'token_expired' }, message: 'The Zalo access token has expired.' },
  [-221]: { rule: account, message: 'The Official Account must be verified to send this.' },
  [-223]: { rule: account, message: 'The Official Account is not authorised to use this API.' },
  [-224]: { rule: account, message: "The OA's tier must be upgraded to send this." },
  [-227]: { rule: recipient, message: 'The user has been inactive for more than 45 days.' },
  [-230]: { rule: recipient, message: 'The user has not interacted with the OA in the last 7 days.' },
  [-232]: { rule: recipient, message: "The user's interaction with the OA has expired." },
  [-233]: { rule: message, message: 'This type of message is invalid.' },
  [-234]: {
    rule: { class: 'outside_window', opensAtVietnamHour: 6 },
    message: 'This message cannot be sent at night (22:00–06:00 Vietnam time); it will go at 06:00.',
  },
  [-240]: { rule: message, message: 'Zalo shut down the v2 message API used for this message.' },
  [-244]: { rule: recipient, message: 'The user restricted this type of message.' },
  [-248]: { rule: message, message: 'The message violates Zalo policy.' },
  [-249]: { rule: message, message: 'This template cannot be sent by user ID.' },
  [-320]: { rule: account, message: 'A Zalo Cloud Account must be linked to the OA.' },
  [-321]: { rule: account, message: 'The Zalo Cloud Account balance is insufficient.' },
};
