import type { TwilioParams } from './twilio.signature';

export const TWILIO_MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] as const;
export type TwilioMessageStatus = (typeof TWILIO_MESSAGE_STATUSES)[number];

export interface TwilioStatusReport {
  messageSid: string;
  /** The raw MessageStatus and its meaning; `unknown` for a value providers.md does not list. */
  statusValue: string;
  status: TwilioMessageStatus | 'unknown';
  outcome: 'delivered' | 'failed' | 'pending';
  errorCode?: string;
  accountSid?: string;
  to?: string;
  from?: string;
}

export type ParsedTwilioStatusCallback =
  { ok: true; report: TwilioStatusReport } | { ok: false; reason: string };

/** Parses the form body of a Twilio status callback. Verify its signature first (verifyTwilioSignature). */
export function parseTwilioStatusCallback(params: TwilioParams): ParsedTwilioStatusCallback {
  const get = (name: string): string | undefined => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const first = typeof value === 'string' ? value : value?.[0];
    return first === undefined || first === null || first === '' ? undefined : first;
  };
  const messageSid = get('MessageSid');
  const statusValue = get('MessageStatus');
  if (!messageSid) return { ok: false, reason: 'MessageSid is missing' };
  if (!statusValue) return { ok: false, reason: 'MessageStatus is missing' };
  const status = (TWILIO_MESSAGE_STATUSES as readonly string[]).includes(statusValue)
    ? (statusValue as TwilioMessageStatus)
    : 'unknown';
  const errorCode = get('ErrorCode');
  const accountSid = get('AccountSid');
  const to = get('To');
  const from = get('From');
  return {
    ok: true,
    report: {
      messageSid,
      statusValue,
      status,
      outcome: outcomeOf(status),
      ...(errorCode ? { errorCode } : {}),
      ...(accountSid ? { accountSid } : {}),
      ...(to ? { to } : {}),
      ...(from ? { from } : {}),
    },
  };
}

function outcomeOf(status: TwilioMessageStatus | 'unknown'): TwilioStatusReport['outcome'] {
  switch (status) {
    case 'delivered':
      return 'delivered';
    case 'undelivered':
    case 'failed':
      return 'failed';
    case 'queued':
    case 'sending':
    case 'sent':
    case 'unknown':
      return 'pending';
  }
}
