import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelKind } from '../channels/channel-kinds';
import { LedgerReceipts } from './ledger-receipts';
import { parseReceipt } from './parse-receipt';
import type { ReceiptAction } from './receipt-action';
import type { WebhookProvider } from './webhook-urls';
import { ZaloAudience } from './zalo-audience';
import { ZNS_TEMPLATE_RESYNC, type ZnsTemplateResync } from './zns-template-resync';

/** A receipt whose ledger row is still missing after this long is given up (status `ignored`). */
export const WAIT_FOR_ROW_HOURS = 72;

interface ReceiptRow {
  id: string;
  workspace_id: string;
  account_id: string;
  provider: WebhookProvider;
  payload: string;
  status: 'received' | 'waiting' | 'applied' | 'ignored';
  attempts: number;
  received_at: Date;
  kind: ChannelKind;
  settings: Record<string, unknown>;
}

export type ReceiptOutcome = 'applied' | 'waiting' | 'ignored' | 'done_before';

/**
 * Applies one stored receipt: delivery updates to the ledger, Zalo audience events to contacts and the event
 * stream, template status changes to the template sync. Idempotent: a receipt already applied or ignored is
 * skipped, and applying one twice changes nothing (ledger updates only move forward, events are deduplicated).
 * A delivery whose ledger row does not exist yet waits (`waiting`, with the ids it can be found by) and is applied
 * by `applyWaiting` when the send service records the row, or by the sweeper's retries.
 */
@Injectable()
export class ReceiptProcessing {
  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerReceipts,
    private readonly audience: ZaloAudience,
    @Inject(ZNS_TEMPLATE_RESYNC) private readonly templates: ZnsTemplateResync,
  ) {}

  async process(receiptId: string): Promise<ReceiptOutcome> {
    const [receipt] = (await this.db.query(
      `SELECT r.id::text AS id, r.workspace_id, r.account_id, r.provider, r.payload, r.status, r.attempts,
              r.received_at, a.kind, a.settings
         FROM webhook_receipts r JOIN channel_accounts a ON a.id = r.account_id
        WHERE r.id = $1`,
      [receiptId],
    )) as ReceiptRow[];
    if (!receipt || receipt.status === 'applied' || receipt.status === 'ignored') return 'done_before';
    const action = parseReceipt({
      provider: receipt.provider,
      payload: receipt.payload,
      oaId: typeof receipt.settings.oaId === 'string' ? receipt.settings.oaId : undefined,
      receivedAt: new Date(receipt.received_at),
    });
    const result = await this.perform(receipt, action);
    await this.record(receipt, action, result);
    return result.outcome;
  }

  private async perform(
    receipt: ReceiptRow,
    action: ReceiptAction,
  ): Promise<{ outcome: Exclude<ReceiptOutcome, 'done_before'>; detail?: string; missing?: string[] }> {
    const scope = { workspaceId: receipt.workspace_id, accountId: receipt.account_id };
    switch (action.kind) {
      case 'delivery': {
        const applied = await this.ledger.apply({ ...scope, update: action.update });
        if (applied.missing.length === 0)
          return { outcome: 'applied', detail: `${applied.changed} row(s) changed` };
        const ageHours = (Date.now() - new Date(receipt.received_at).getTime()) / 3_600_000;
        if (ageHours > WAIT_FOR_ROW_HOURS)
          return { outcome: 'ignored', detail: 'no ledger row ever matched' };
        return { outcome: 'waiting', detail: 'no ledger row yet', missing: applied.missing };
      }
      case 'zalo_audience': {
        const contactId = await this.audience.record({ ...scope, event: action.event });
        return { outcome: 'applied', detail: `contact ${contactId}` };
      }
      case 'template_status': {
        const synced = await this.templates.resync({ ...scope, templateId: action.templateId });
        return {
          outcome: 'applied',
          detail: `template ${action.templateId}: ${action.previousStatus} -> ${action.newStatus}; ${synced}`,
        };
      }
      case 'ignore':
        return { outcome: 'ignored', detail: action.reason };
    }
  }

  private async record(
    receipt: ReceiptRow,
    action: ReceiptAction,
    result: { outcome: string; detail?: string; missing?: string[] },
  ): Promise<void> {
    const kind =
      action.kind === 'delivery'
        ? `delivery.${action.update.status}`
        : action.kind === 'zalo_audience'
          ? `zalo.${action.event.type}`
          : action.kind;
    // Waiting receipts are retried with a growing pause: 2, 4, 8 ... seconds, at most an hour.
    await this.db.query(
      `UPDATE webhook_receipts
          SET status = $2, kind = $3, detail = $4, match_ids = $5, attempts = attempts + 1,
              processed_at = CASE WHEN $2 IN ('applied', 'ignored') THEN now() END,
              next_attempt_at = CASE WHEN $2 = 'waiting'
                THEN now() + make_interval(secs => LEAST(3600, power(2, LEAST(attempts + 1, 12)))) END
        WHERE id = $1 AND status IN ('received', 'waiting')`,
      [receipt.id, result.outcome, kind, result.detail ?? null, result.missing ?? []],
    );
  }

  /**
   * For the send service, right after it records a message's provider ids (or its correlation id): applies the
   * receipts that arrived before the row did. Answers how many it applied.
   */
  async applyWaiting(input: { accountId: string; ids: string[] }): Promise<number> {
    const ids = input.ids.filter((id) => id.length > 0);
    if (ids.length === 0) return 0;
    const rows = (await this.db.query(
      `SELECT id::text AS id FROM webhook_receipts
        WHERE account_id = $1 AND status = 'waiting' AND match_ids && $2::text[] ORDER BY id`,
      [input.accountId, ids],
    )) as Array<{ id: string }>;
    let applied = 0;
    for (const row of rows) if ((await this.process(row.id)) === 'applied') applied += 1;
    return applied;
  }
}
