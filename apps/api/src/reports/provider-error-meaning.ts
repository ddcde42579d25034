import {
  ESMS_ERRORS,
  OA_ERRORS,
  SPEEDSMS_ERRORS,
  TWILIO_ERRORS,
  ZNS_ERRORS,
  type ErrorEntry,
} from '@loa/connectors';

type Table = Readonly<Record<string | number, ErrorEntry>>;

/** The connector's error table for a message channel sent from an account of this kind (none for SMTP). */
function tableFor(channel: string, accountKind: string): Table | undefined {
  if (channel === 'zns') return ZNS_ERRORS;
  if (channel === 'zalo_oa') return OA_ERRORS;
  if (channel === 'sms') {
    if (accountKind === 'esms') return ESMS_ERRORS;
    if (accountKind === 'speedsms') return SPEEDSMS_ERRORS;
    if (accountKind === 'twilio') return TWILIO_ERRORS;
  }
  return undefined;
}

/** SMTP reply codes a mail server refuses a message with (RFC 5321 §4.2.3). */
const SMTP_REPLIES: Readonly<Record<string, string>> = {
  '421': 'The mail server is unavailable and closed the connection; try again later',
  '450': 'The mailbox is unavailable for now (busy or blocked); try again later',
  '451': 'The mail server failed while processing the message; try again later',
  '452': 'The mail server has too little storage for now; try again later',
  '550': 'The mailbox is unavailable (not found, no access, or refused by policy)',
  '551': 'The recipient is not local to the server',
  '552': 'The message exceeds the storage allowed for the mailbox',
  '553': 'The mailbox name is not allowed',
  '554': 'The mail server refused the message',
};

/** Codes Loa itself records on a failed ledger row. */
const LOA_CODES: Readonly<Record<string, string>> = {
  loa_invalid_phone: 'The contact has no valid phone number for this channel',
  loa_invalid_email: 'The contact has no valid e-mail address',
  loa_param_missing: 'A template parameter had no value',
  loa_param_empty: 'A template parameter was empty',
  loa_param_too_long: 'A template parameter was longer than the template allows',
  loa_param_too_short: 'A template parameter was shorter than the template requires',
  loa_param_unknown: 'A parameter the template does not have was sent',
  loa_message_too_long: 'The message is longer than the channel allows',
  loa_render_failed: 'The message could not be personalised for this contact',
  loa_account_disabled: 'The sending account is disabled',
  loa_account_not_found: 'The sending account no longer exists',
  loa_oa_not_connected: 'The Zalo OA is not connected',
  loa_send_interrupted: 'The send was interrupted and not retried (marketing messages are never sent twice)',
  loa_outcome_unknown: "The provider's answer was lost; whether it was sent is unknown",
  loa_unreadable_answer: "The provider's answer could not be read",
  loa_no_consent: 'The contact has not consented to this channel',
};

/**
 * What an error code on a failed ledger row means: the connector's table, SMTP's reply codes or Loa's own codes.
 * Never the provider's free text, which can name the recipient.
 */
export function providerErrorMeaning(input: {
  channel: string;
  accountKind: string;
  code: string;
}): string | null {
  const entry = tableFor(input.channel, input.accountKind)?.[input.code];
  if (entry) return entry.message;
  if (input.channel === 'email' && SMTP_REPLIES[input.code]) return SMTP_REPLIES[input.code];
  return LOA_CODES[input.code] ?? null;
}
