import { Inject, Injectable } from '@nestjs/common';
import { smsCostEstimate } from '../../templates/sms-pricing/sms-price';
import { SmsPricesService } from '../../templates/sms-pricing/sms-prices.service';
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
 * What a delivered message costs (issue 9 §4): ZNS at its template's synced price, once per delivered message; SMS
 * at the segments the send recorded (`billable_units`, 1 when unknown) times the account's price per segment (the
 * templates module's `sms_prices`, or the gateway's indicative price). Asked once per row, when it first reaches
 * delivered or seen; a cost the row already carries is kept when no better figure is known.
 */
@Injectable()
export class MessageCosts {
  constructor(
    private readonly smsPrices: SmsPricesService,
    @Inject(ZNS_TEMPLATE_PRICES) private readonly znsPrices: ZnsTemplatePrices,
  ) {}

  async costOf(input: {
    workspaceId: string;
    accountId: string;
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
      const price = await this.smsPrices.priceFor(input.workspaceId, input.accountId);
      if (!price) return kept;
      const estimate = smsCostEstimate(message.billableUnits ?? 1, price);
      return { cost: estimate.total, currency: estimate.currency, units: estimate.segments };
    }
    return kept;
  }
}
