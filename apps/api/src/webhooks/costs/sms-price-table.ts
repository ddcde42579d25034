import type { ChannelKind } from '../../channels/channel-kinds';

/**
 * What one SMS segment costs on a gateway, by message type (eSMS `smsType`; `default` for the rest). Indicative
 * defaults from providers.md §5 (eSMS 520 VND customer care / 450 VND fixed number; Twilio about US$0.285 a segment
 * to Vietnam); an account's own table (`sms_price_tables`, PUT /channel-accounts/{id}/sms-prices) replaces them.
 */
export interface SmsPriceTable {
  currency: string;
  prices: Record<string, number> & { default: number };
}

export const DEFAULT_SMS_PRICES: Partial<Record<ChannelKind, SmsPriceTable>> = {
  esms: { currency: 'VND', prices: { default: 520, care: 520, fixed_number: 450, advertising: 520 } },
  speedsms: { currency: 'VND', prices: { default: 520 } },
  twilio: { currency: 'USD', prices: { default: 0.285 } },
};

/** The price of one segment for an account's message type. */
export function segmentPrice(table: SmsPriceTable, messageType: string | undefined): number {
  return (messageType !== undefined ? table.prices[messageType] : undefined) ?? table.prices.default;
}
