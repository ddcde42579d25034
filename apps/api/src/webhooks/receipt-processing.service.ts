import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerReceipts, type LedgerApplication } from './ledger-receipts';
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
  settings: Record<string, unknown>;
}

/** How long `applyWaiting` trusts its last look at whether an account has waiting receipts. */
const WAITING_CHECK_MS = 500;

export type ReceiptOutcome = 'applied' | 'waiting' | 'ignored' | 'done_before';

interface PerformResult {
  outcome: Exclude<ReceiptOutcome, 'done_before'>;
  detail?: string;
  missing?: string[];
}

function kindOf(action: ReceiptAction): string {
  switch (action.kind) {
    case 'delivery':
      return `delivery.${action.update.status}`;
    case 'zalo_audience':
      return `zalo.${action.event.type}`;
    default:
      return action.kind;
  }
}

/** Tries of a receipt whose processing throws (a contact write refused, a database error) before it is given up. */
export const MAX_ATTEMPTS = 5;

function failedAttempt(receipt: { attempts: number }, error: unknown): PerformResult {
  const message = error instanceof Error ? error.message : String(error);
  return receipt.attempts + 1 >= MAX_ATTEMPTS
    ? { outcome: 'ignored', detail: `gave up after ${MAX_ATTEMPTS} attempts: ${message}` }
    : { outcome: 'waiting', detail: `attempt ${receipt.attempts + 1} failed: ${message}` };
}

function deliveryResult(receipt: { received_at: Date }, applied: LedgerApplication): PerformResult {
  if (applied.missing.length === 0)
    return { outcome: 'applied', detail: `${applied.changed} row(s) changed` };
  const ageHours = (Date.now() - new Date(receipt.received_at).getTime()) / 3_600_000;
  if (ageHours > WAIT_FOR_ROW_HOURS) return { outcome: 'ignored', detail: 'no ledger row ever matched' };
  return { outcome: 'waiting', detail: 'no ledger row yet', missing: applied.missing };
}

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

  private readonly waitingHint = new Map<string, { any: Promise<boolean>; until: number }>();

  async process(receiptId: string): Promise<ReceiptOutcome> {
    return (await this.processMany([receiptId]))[0] ?? 'done_before';
  }

  /**
   * Applies receipts together: their delivery updates in one ledger transaction, the others one by one; answers
   * each receipt's outcome in the order given. A receipt whose processing fails waits for the sweeper's retry (with
   * the growing pause), and is given up (`ignored`, the error in `detail`) after MAX_ATTEMPTS.
   */
  async processMany(receiptIds: string[]): Promise<ReceiptOutcome[]> {
    const receipts = (await this.db.query(
      `SELECT r.id::text AS id, r.workspace_id, r.account_id, r.provider, r.payload, r.status, r.attempts,
              r.received_at, a.settings
         FROM webhook_receipts r JOIN channel_accounts a ON a.id = r.account_id
        WHERE r.id = ANY($1::bigint[]) AND r.status IN ('received', 'waiting')
        ORDER BY r.id`,
      [receiptIds],
    )) as ReceiptRow[];
    const actions = receipts.map((receipt) => ({
      receipt,
      action: parseReceipt({
        provider: receipt.provider,
        payload: receipt.payload,
        oaId: typeof receipt.settings.oaId === 'string' ? receipt.settings.oaId : undefined,
        receivedAt: new Date(receipt.received_at),
      }),
    }));
    const deliveries = actions.flatMap(({ receipt, action }) =>
      action.kind === 'delivery' ? [{ receipt, action }] : [],
    );
    const applied = await this.ledger.applyMany(
      deliveries.map(({ receipt, action }) => ({
        workspaceId: receipt.workspace_id,
        accountId: receipt.account_id,
        update: action.update,
      })),
    );
    const results = new Map<string, PerformResult>();
    deliveries.forEach(({ receipt }, index) => {
      const result = deliveryResult(receipt, applied[index] ?? { changed: 0, missing: [] });
      results.set(receipt.id, result);
      if (result.outcome === 'waiting')
        this.waitingHint.set(receipt.account_id, {
          any: Promise.resolve(true),
          until: Date.now() + WAITING_CHECK_MS,
        });
    });
    const others = actions.filter(({ action }) => action.kind !== 'delivery');
    for (const { receipt, action } of others) {
      try {
        results.set(receipt.id, await this.perform(receipt, action));
      } catch (error) {
        results.set(receipt.id, failedAttempt(receipt, error));
      }
    }
    await this.record(
      actions.flatMap(({ receipt, action }) => {
        const result = results.get(receipt.id);
        return result ? [{ id: receipt.id, kind: kindOf(action), ...result }] : [];
      }),
    );
    return receiptIds.map((id) => results.get(id)?.outcome ?? 'done_before');
  }

  private async perform(receipt: ReceiptRow, action: ReceiptAction): Promise<PerformResult> {
    const scope = { workspaceId: receipt.workspace_id, accountId: receipt.account_id };
    switch (action.kind) {
      case 'delivery':
        throw new Error('deliveries are applied in batches');
      case 'zalo_audience': {
        const { contactId, notWritten } = await this.audience.record({ ...scope, event: action.event });
        const refused = notWritten.length > 0 ? `; not written: ${notWritten.join(', ')}` : '';
        return { outcome: 'applied', detail: `contact ${contactId}${refused}` };
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

  /** Waiting receipts are retried with a growing pause: 2, 4, 8 ... seconds, at most an hour. */
  private async record(outcomes: Array<PerformResult & { id: string; kind: string }>): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db.query(
      `UPDATE webhook_receipts r
          SET status = o.outcome, kind = o.kind, detail = o.detail, match_ids = COALESCE(o.missing, '{}'),
              attempts = r.attempts + 1,
              processed_at = CASE WHEN o.outcome IN ('applied', 'ignored') THEN now() END,
              next_attempt_at = CASE WHEN o.outcome = 'waiting'
                THEN now() + make_interval(secs => LEAST(3600, power(2, LEAST(r.attempts + 1, 12)))) END
         FROM jsonb_to_recordset($1::jsonb) AS o(id bigint, outcome text, kind text, detail text, missing text[])
        WHERE r.id = o.id AND r.status IN ('received', 'waiting')`,
      [
        JSON.stringify(
          outcomes.map((o) => ({
            id: o.id,
            outcome: o.outcome,
            kind: o.kind,
            detail: o.detail ?? null,
            missing: o.missing ?? null,
          })),
        ),
      ],
    );
  }

  /**
   * For the send service, right after it records a message's provider ids (or its correlation id): applies the
   * receipts that arrived before the row did. Answers how many it applied.
   */
  async applyWaiting(input: { accountId: string; ids: string[] }): Promise<number> {
    const ids = input.ids.filter((id) => id.length > 0);
    if (ids.length === 0 || !(await this.mayHaveWaiting(input.accountId))) return 0;
    const rows = (await this.db.query(
      `SELECT id::text AS id FROM webhook_receipts
        WHERE account_id = $1 AND status = 'waiting' AND match_ids && $2::text[] ORDER BY id`,
      [input.accountId, ids],
    )) as Array<{ id: string }>;
    let applied = 0;
    for (const row of rows) if ((await this.process(row.id)) === 'applied') applied += 1;
    return applied;
  }

  /**
   * Whether the account may have waiting receipts: usually none, so a send asks PostgreSQL at most once per
   * WAITING_CHECK_MS per account. A receipt that starts waiting in another process meanwhile is applied by the
   * sweeper's retry instead.
   */
  private mayHaveWaiting(accountId: string): Promise<boolean> {
    const known = this.waitingHint.get(accountId);
    if (known && known.until > Date.now()) return known.any;
    const any = (
      this.db.query(
        `SELECT EXISTS (SELECT 1 FROM webhook_receipts WHERE account_id = $1 AND status = 'waiting') AS any`,
        [accountId],
      ) as Promise<Array<{ any: boolean }>>
    ).then((rows) => rows[0]?.any === true);
    if (this.waitingHint.size >= 10_000) this.waitingHint.clear();
    this.waitingHint.set(accountId, { any, until: Date.now() + WAITING_CHECK_MS });
    any.catch(() => this.waitingHint.delete(accountId));
    return any;
  }
}
