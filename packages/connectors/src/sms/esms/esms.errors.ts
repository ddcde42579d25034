import {
  permanent,
  retryable,
  unknownCodeEntry,
  type ErrorEntry,
  type ErrorTable,
} from '../../contract/error-rule';

/** CodeResult of a request eSMS accepted (accepted only: delivery comes later in the callback). */
export const ESMS_ACCEPTED = '100';
/**
 * CodeResult of a RequestId eSMS has seen before (providers.md §5.1: RequestId is eSMS's dedupe key): nothing was
 * sent this time. Read as sent: Loa repeats a RequestId only after an attempt whose answer was lost (reset, timeout)
 * or unreadable, where 124 means that attempt was accepted, or one eSMS refused as retryable (120, 5xx, 429). Whether
 * eSMS also remembers the RequestId of a request it refused, which would make 124 after a 120 a message never sent,
 * is not documented; the sandbox remembers accepted requests only.
 */
export const ESMS_DUPLICATE_REQUEST_ID = '124';

/** Every failing CodeResult providers.md §5.1 lists. */
export const ESMS_ERRORS: ErrorTable = {
  '99': permanent('recipient', 'This phone number is blocked from receiving SMS from this brand name.'),
  '101': permanent('account', 'eSMS rejected the API key or secret key; check the eSMS account settings.'),
  '102': permanent('account', 'The eSMS account has no price list; ask eSMS to activate it.'),
  '103': permanent('account', 'The eSMS account balance is too low; top up the account.'),
  '104': permanent('account', 'The brand name is not registered on this eSMS account.'),
  '105': permanent('message', 'eSMS does not know this message id.'),
  '107': permanent('message', 'eSMS advertising SMS must go to at least 30 numbers in one request.'),
  '108': permanent('recipient', 'The phone number is not valid for eSMS.'),
  '118': permanent('account', 'This eSMS account cannot send this message type.'),
  '120': retryable('The eSMS sending limit was reached; the send will be retried.'),
  '140': permanent(
    'account',
    "eSMS does not accept requests from this server's IP address; whitelist it in eSMS.",
  ),
  '146': permanent('message', 'The text does not match a customer-care template registered with eSMS.'),
  '177': permanent('recipient', "The brand name is not registered with this recipient's mobile network.", {
    fallbackSuggested: true,
  }),
  '204': permanent('account', 'eSMS does not know this Zalo OA id.'),
  '210': permanent('message', 'eSMS rejected the Zalo message data.'),
  '300': permanent('message', 'The request lacked a message type.'),
};

/** What an eSMS `CodeResult` means for Loa (providers.md §5.1). */
export type EsmsCodeMeaning =
  { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'failed'; entry: ErrorEntry };

/** Unknown codes are permanent: a send that eSMS rejected for a reason we do not know is not retried blindly. */
export function esmsCodeMeaning(code: string): EsmsCodeMeaning {
  switch (code) {
    case ESMS_ACCEPTED:
      return { kind: 'accepted' };
    case ESMS_DUPLICATE_REQUEST_ID:
      return { kind: 'duplicate' };
    default:
      return { kind: 'failed', entry: ESMS_ERRORS[code] ?? unknownCodeEntry('eSMS', code) };
  }
}
