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

/**
 * What a provider's error code means, from the connector's own table; otherwise the text the ledger recorded with
 * it (SMTP replies, Loa's own codes), or null.
 */
export function providerErrorMeaning(input: {
  channel: string;
  accountKind: string;
  code: string;
  recorded: string | null;
}): string | null {
  const table = tableFor(input.channel, input.accountKind);
  const entry = table?.[input.code];
  return entry?.message ?? input.recorded;
}
