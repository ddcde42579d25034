import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageCosts } from './costs/message-cost';
import { applyDeliveryUpdate, justDelivered, type LedgerState } from './ledger-transition';
import type { DeliveryUpdate } from './receipt-action';

interface MessageRow {
  id: string;
  channel: string;
  status: string;
  template_ref: string | null;
  provider_message_id: string | null;
  correlation_id: string | null;
  cost: string | null;
  cost_currency: string | null;
  billable_units: number | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  seen_at: Date | null;
  failed_at: Date | null;
  error_code: string | null;
}

export interface LedgerApplication {
  /** Rows the receipt changed. */
  changed: number;
  /** Ids of the targets no ledger row was found for (yet). */
  missing: string[];
}

/** Applies delivery receipts to the ledger rows they name, forward only (ledger-transition.ts), with their cost. */
@Injectable()
export class LedgerReceipts {
  constructor(
    private readonly db: DataSource,
    private readonly costs: MessageCosts,
  ) {}

  async apply(input: {
    workspaceId: string;
    accountId: string;
    update: DeliveryUpdate;
  }): Promise<LedgerApplication> {
    const { update } = input;
    const providerIds = update.targets.flatMap((target) => target.providerMessageId ?? []);
    const correlationIds = update.targets.flatMap((target) => target.correlationId ?? []);
    return this.db.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, channel, status, template_ref, provider_message_id, correlation_id, cost::text AS cost,
                cost_currency, billable_units, sent_at, delivered_at, seen_at, failed_at, error_code
           FROM messages
          WHERE workspace_id = $1 AND account_id = $2
            AND (provider_message_id = ANY($3::text[]) OR correlation_id = ANY($4::text[]))
          ORDER BY id FOR UPDATE`,
        [input.workspaceId, input.accountId, providerIds, correlationIds],
      )) as MessageRow[];
      const missing = update.targets
        .filter(
          (target) =>
            !rows.some(
              (row) =>
                (target.providerMessageId !== undefined &&
                  row.provider_message_id === target.providerMessageId) ||
                (target.correlationId !== undefined && row.correlation_id === target.correlationId),
            ),
        )
        .flatMap((target) =>
          [target.providerMessageId, target.correlationId].filter((id) => id !== undefined),
        );
      let changed = 0;
      for (const row of rows) {
        const before = stateOf(row);
        const after = applyDeliveryUpdate(before, update);
        if (!after) continue;
        const cost = justDelivered(before, after)
          ? await this.costs.costOf({
              workspaceId: input.workspaceId,
              accountId: input.accountId,
              message: {
                channel: row.channel,
                templateRef: row.template_ref,
                cost: row.cost,
                costCurrency: row.cost_currency,
                billableUnits: row.billable_units,
              },
            })
          : { cost: row.cost, currency: row.cost_currency, units: row.billable_units };
        await manager.query(
          `UPDATE messages SET status = $2, sent_at = $3, delivered_at = $4, seen_at = $5, failed_at = $6,
                  error_code = $7, cost = $8, cost_currency = $9, billable_units = $10, updated_at = now()
            WHERE id = $1`,
          [
            row.id,
            after.status,
            after.sentAt,
            after.deliveredAt,
            after.seenAt,
            after.failedAt,
            after.errorCode,
            cost.cost,
            cost.currency,
            cost.units,
          ],
        );
        changed += 1;
      }
      return { changed, missing };
    });
  }
}

function stateOf(row: MessageRow): LedgerState {
  const date = (value: Date | null) => (value === null ? null : new Date(value));
  return {
    status: row.status,
    sentAt: date(row.sent_at),
    deliveredAt: date(row.delivered_at),
    seenAt: date(row.seen_at),
    failedAt: date(row.failed_at),
    errorCode: row.error_code,
  };
}
