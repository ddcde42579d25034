import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelKind } from '../../channels/channel-kinds';
import { DEFAULT_SMS_PRICES, segmentPrice, type SmsPriceTable } from './sms-price-table';
import { ZNS_TEMPLATE_PRICES, type ZnsTemplatePrices } from './zns-template-prices';

export interface BillableMessage {
  channel: string;
  templateRef: string | null;
  cost: string | null;
  costCurrency: string | null;
  billableUnits: number | null;
}

export interface MessageCost {
  cost: number | string | null;
  currency: string | null;
  units: number | null;
}

/**
 * What a delivered message costs (issue 9 §4): ZNS at its template's price, once per delivered message; SMS at the
 * number of segments the send recorded (`billable_units`, 1 when unknown) times the account's price per segment.
 * Called once per row, when it first reaches delivered or seen; a cost the row already carries is kept when no
 * better figure is known.
 */
@Injectable()
export class MessageCosts {
  constructor(
    private readonly db: DataSource,
    @Inject(ZNS_TEMPLATE_PRICES) private readonly znsPrices: ZnsTemplatePrices,
  ) {}

  async costOf(input: {
    workspaceId: string;
    accountId: string;
    accountKind: ChannelKind;
    accountSettings: Record<string, unknown>;
    message: BillableMessage;
  }): Promise<MessageCost> {
    const { message } = input;
    const kept = { cost: message.cost, currency: message.costCurrency, units: message.billableUnits };
    if (message.channel === 'zns') {
      const price = message.templateRef
        ? await this.znsPrices.priceOf({
            workspaceId: input.workspaceId,
            accountId: input.accountId,
            templateId: message.templateRef,
          })
        : null;
      return price ? { cost: price.amount, currency: price.currency, units: 1 } : { ...kept, units: 1 };
    }
    if (message.channel === 'sms') {
      if (message.cost !== null) return kept;
      const table = await this.smsPrices(input.accountId, input.accountKind);
      if (!table) return kept;
      const units = message.billableUnits ?? 1;
      const messageType =
        typeof input.accountSettings.smsType === 'string' ? input.accountSettings.smsType : undefined;
      return { cost: roundCost(units * segmentPrice(table, messageType)), currency: table.currency, units };
    }
    return kept;
  }

  /** The account's price table, or its gateway's defaults. */
  async smsPrices(accountId: string, kind: ChannelKind): Promise<SmsPriceTable | null> {
    const [row] = (await this.db.query(
      `SELECT currency, prices FROM sms_price_tables WHERE account_id = $1`,
      [accountId],
    )) as SmsPriceTable[];
    return row ?? DEFAULT_SMS_PRICES[kind] ?? null;
  }
}

/** numeric(14, 4) keeps four decimals. */
function roundCost(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
