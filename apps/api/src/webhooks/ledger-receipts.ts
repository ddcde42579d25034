import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageCosts, type MessageCost } from './costs/message-cost';
import { applyDeliveryUpdate, justDelivered, type LedgerState } from './ledger-transition';
import type { DeliveryUpdate } from './receipt-action';

interface MessageRow {
  id: string;
  workspace_id: string;
  account_id: string;
  channel: string;
  status: string;
  template_ref: string | null;
  provider_message_id: string | null;
  correlation_id: string | null;
  recipient: string | null;
  cost: string | null;
  cost_currency: string | null;
  billable_units: number | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  seen_at: Date | null;
  failed_at: Date | null;
  error_code: string | null;
}

export interface DeliveryReceipt {
  workspaceId: string;
  accountId: string;
  update: DeliveryUpdate;
}

export interface LedgerApplication {
  /** Rows the receipt changed. */
  changed: number;
  /** Ids of the targets no ledger row was found for (yet). */
  missing: string[];
}

/**
 * Applies delivery receipts to the ledger rows they name, forward only (ledger-transition.ts), with their cost. A
 * batch is applied in one transaction: the rows it names are locked in id order (so concurrent batches never
 * deadlock), each receipt is folded into its rows in the order given, and the changed rows are written in one
 * statement.
 */
@Injectable()
export class LedgerReceipts {
  constructor(
    private readonly db: DataSource,
    private readonly costs: MessageCosts,
  ) {}

  async applyMany(receipts: DeliveryReceipt[]): Promise<LedgerApplication[]> {
    if (receipts.length === 0) return [];
    const keys = receipts.flatMap((receipt) =>
      receipt.update.targets.map((target) => ({
        workspace_id: receipt.workspaceId,
        account_id: receipt.accountId,
        provider_message_id: target.providerMessageId ?? null,
        correlation_id: target.correlationId ?? null,
        recipient: target.recipient ?? null,
      })),
    );
    return this.db.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT m.id, m.workspace_id, m.account_id, m.channel, m.status, m.template_ref, m.provider_message_id,
                m.correlation_id, m.recipient, m.cost::text AS cost, m.cost_currency, m.billable_units, m.sent_at, m.delivered_at,
                m.seen_at, m.failed_at, m.error_code
           FROM messages m
          WHERE m.id IN (
                  SELECT m2.id FROM messages m2
                    JOIN jsonb_to_recordset($1::jsonb) AS k(workspace_id uuid, account_id uuid,
                                                          provider_message_id text, correlation_id text,
                                                          recipient text)
                      ON m2.workspace_id = k.workspace_id AND m2.account_id = k.account_id
                     AND (m2.provider_message_id = k.provider_message_id OR m2.correlation_id = k.correlation_id)
                     AND (k.recipient IS NULL OR m2.recipient = k.recipient))
          ORDER BY m.id FOR UPDATE`,
        [JSON.stringify(keys)],
      )) as MessageRow[];
      const states = new Map(rows.map((row) => [row.id, { row, before: stateOf(row), now: stateOf(row) }]));
      const results: LedgerApplication[] = [];
      for (const receipt of receipts) {
        const matched = (target: DeliveryUpdate['targets'][number]) => {
          const named = rows.filter(
            (row) =>
              row.workspace_id === receipt.workspaceId &&
              row.account_id === receipt.accountId &&
              ((target.providerMessageId !== undefined &&
                row.provider_message_id === target.providerMessageId) ||
                (target.correlationId !== undefined && row.correlation_id === target.correlationId)),
          );
          // One request to many numbers (eSMS advertising): a receipt is for its recipient's message only, and one
          // that names no recipient cannot say which.
          if (target.recipient !== undefined)
            return named.filter((row) => row.recipient === target.recipient);
          return named.length > 1 ? 'ambiguous' : named;
        };
        const missing: string[] = [];
        let changed = 0;
        for (const target of receipt.update.targets) {
          const found = matched(target);
          if (found === 'ambiguous') continue;
          if (found.length === 0)
            missing.push(
              ...[target.providerMessageId, target.correlationId].filter((id) => id !== undefined),
            );
          for (const row of found) {
            const state = states.get(row.id);
            if (!state) continue;
            const next = applyDeliveryUpdate(state.now, receipt.update);
            if (!next) continue;
            state.now = next;
            changed += 1;
          }
        }
        results.push({ changed, missing });
      }
      const writes = [];
      for (const { row, before, now } of states.values()) {
        if (now === before) continue;
        const cost: MessageCost = justDelivered(before, now)
          ? await this.costs.costOf({
              workspaceId: row.workspace_id,
              accountId: row.account_id,
              message: {
                channel: row.channel,
                templateRef: row.template_ref,
                cost: row.cost,
                costCurrency: row.cost_currency,
                billableUnits: row.billable_units,
              },
            })
          : { cost: row.cost, currency: row.cost_currency, units: row.billable_units };
        writes.push({
          id: row.id,
          status: now.status,
          sent_at: now.sentAt,
          delivered_at: now.deliveredAt,
          seen_at: now.seenAt,
          failed_at: now.failedAt,
          error_code: now.errorCode,
          cost: cost.cost,
          cost_currency: cost.currency,
          billable_units: cost.units,
        });
      }
      if (writes.length > 0)
        await manager.query(
          `UPDATE messages m
              SET status = w.status, sent_at = w.sent_at, delivered_at = w.delivered_at, seen_at = w.seen_at,
                  failed_at = w.failed_at, error_code = w.error_code, cost = w.cost, cost_currency = w.cost_currency,
                  error_class = CASE WHEN w.status = 'failed' THEN 'delivery_failed' ELSE m.error_class END,
                  billable_units = w.billable_units, updated_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS w(id uuid, status text, sent_at timestamptz,
                    delivered_at timestamptz, seen_at timestamptz, failed_at timestamptz, error_code text,
                    cost numeric, cost_currency text, billable_units integer)
            WHERE m.id = w.id`,
          [JSON.stringify(writes)],
        );
      return results;
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
