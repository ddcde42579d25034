import type { ChannelKind } from '../../channels/channel-kinds';

export const SMS_ACCOUNT_KINDS = ['esms', 'speedsms', 'twilio'] as const satisfies readonly ChannelKind[];
export type SmsAccountKind = (typeof SMS_ACCOUNT_KINDS)[number];

/** What one SMS segment costs on an account, and where that figure comes from. */
export interface SmsPrice {
  accountId: string;
  currency: string;
  perSegment: number;
  /** `account`: set by an admin for this account; `default`: the indicative price of the kind (providers.md). */
  source: 'account' | 'default';
}

export interface SmsCostEstimate extends SmsPrice {
  segments: number;
  total: number;
}

export function isSmsAccountKind(kind: ChannelKind): kind is SmsAccountKind {
  return (SMS_ACCOUNT_KINDS as readonly string[]).includes(kind);
}

/**
 * Indicative prices for accounts without a price table of their own: eSMS 520 VND per customer-care brand-name SMS
 * and 450 for a fixed number, SpeedSMS 250 VND (its documented example), Twilio US$0.285 per segment to Vietnam.
 * Real contracts differ: admins set the account's price with PUT /channel-accounts/{id}/sms-pricing.
 */
export function defaultSmsPrice(
  kind: SmsAccountKind,
  settings: Record<string, unknown>,
): Pick<SmsPrice, 'currency' | 'perSegment'> {
  switch (kind) {
    case 'esms':
      return { currency: 'VND', perSegment: settings.smsType === 'fixed_number' ? 450 : 520 };
    case 'speedsms':
      return { currency: 'VND', perSegment: 250 };
    case 'twilio':
      return { currency: 'USD', perSegment: 0.285 };
  }
}

/** Segments × the per-segment price, to four decimals (the ledger's `cost` scale). */
export function smsCostEstimate(segments: number, price: SmsPrice): SmsCostEstimate {
  return { ...price, segments, total: Math.round(segments * price.perSegment * 10_000) / 10_000 };
}
