import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A price in a currency's major unit (VND has no minor unit). */
export interface Price {
  amount: number;
  currency: string;
}

/** The price Zalo bills for one delivered message of a template. */
export interface ZnsTemplatePrices {
  priceOf(input: { workspaceId: string; accountId: string; templateId: string }): Promise<Price | null>;
}

export const ZNS_TEMPLATE_PRICES = Symbol('ZNS_TEMPLATE_PRICES');

/** Prices from the synced ZNS templates (`zns_templates.price`, VND, from Zalo's template detail). */
@Injectable()
export class SyncedZnsTemplatePrices implements ZnsTemplatePrices {
  constructor(private readonly db: DataSource) {}

  async priceOf(input: {
    workspaceId: string;
    accountId: string;
    templateId: string;
  }): Promise<Price | null> {
    const [row] = (await this.db.query(
      `SELECT price::text AS price FROM zns_templates
        WHERE workspace_id = $1 AND account_id = $2 AND template_id = $3 AND price IS NOT NULL`,
      [input.workspaceId, input.accountId, input.templateId],
    )) as Array<{ price: string }>;
    return row ? { amount: Number(row.price), currency: 'VND' } : null;
  }
}
