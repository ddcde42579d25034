/** A price in a currency's major unit (VND has no minor unit). */
export interface Price {
  amount: number;
  currency: string;
}

/**
 * Seam to the synced ZNS templates (the `zalo` part of issue 9 keeps them, with their price): the price Zalo bills
 * for one delivered message of a template. Bind ZNS_TEMPLATE_PRICES to the template store once it exists; until
 * then the ledger row's own cost (if the send recorded one) is kept.
 */
export interface ZnsTemplatePrices {
  priceOf(input: { workspaceId: string; accountId: string; templateId: string }): Promise<Price | null>;
}

export const ZNS_TEMPLATE_PRICES = Symbol('ZNS_TEMPLATE_PRICES');

export const noZnsTemplatePrices: ZnsTemplatePrices = { priceOf: async () => null };
