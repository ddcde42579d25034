import type { SendFailure, SendSuccess } from '@loa/connectors';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import { Batcher } from './batcher';
import {
  LEDGER_ROW_COLUMNS,
  MESSAGE_COLUMNS,
  type LedgerRow,
  type MessageRow,
  type MessageStatus,
} from './message-row';
import { CHANNEL_OF_CONTENT, type SendMessageInput } from './send-message.types';

/** Ledger statements of each kind in flight at once (the connection pool has 10). */
const LEDGER_LANES = 3;

export type VersionedRow = MessageRow & { row_version: string };
// (find reads the whole row; every write answers a LedgerRow)

/** What the guards decided for an attempt: send now, or record why not. */
export type Admission =
  | { status: 'sending' }
  | { status: 'blocked'; reason: string }
  | { status: 'deferred'; reason: string; retryAt: Date }
  | { status: 'failed'; errorCode: string; errorMessage: string };

/** The ledger's writes, as SQL; every write of a row's status goes through here. */
export class MessageLedger {
  private readonly inserts: Batcher<NewRow, LedgerRow | undefined>;
  private readonly sent: Batcher<{ id: string; outcome: SendSuccess; recipient: string | null }, LedgerRow>;

  constructor(private readonly db: DataSource) {
    this.inserts = new Batcher((rows) => this.insertMany(rows), { lanes: LEDGER_LANES });
    this.sent = new Batcher((items) => this.recordSentMany(items), { lanes: LEDGER_LANES });
  }

  /** The row under this key, with its version (PostgreSQL's xmin) for `readmit`'s compare-and-set. */
  async find(workspaceId: string, idempotencyKey: string): Promise<VersionedRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${MESSAGE_COLUMNS}, xmin::text AS row_version FROM messages
        WHERE workspace_id = $1 AND idempotency_key = $2`,
      [workspaceId, idempotencyKey],
    )) as VersionedRow[];
    return row;
  }

  private async byId(id: string): Promise<LedgerRow> {
    const [row] = (await this.db.query(`SELECT ${LEDGER_ROW_COLUMNS} FROM messages WHERE id = $1`, [
      id,
    ])) as LedgerRow[];
    return row as LedgerRow;
  }

  /** A new row for this key with the guards' decision; undefined when another attempt wrote the key first. */
  async insert(
    manager: EntityManager,
    input: SendMessageInput,
    recipient: string | null,
    admission: Admission,
  ): Promise<LedgerRow | undefined> {
    const [row] = await this.insertMany([newRow(input, recipient, admission)], manager);
    return row;
  }

  /** `insert` outside a transaction: concurrent sends share one multi-row INSERT (one commit for all of them). */
  insertBatched(input: SendMessageInput, recipient: string | null, admission: Admission) {
    return this.inserts.submit(newRow(input, recipient, admission));
  }

  private async insertMany(rows: NewRow[], manager = this.db.manager): Promise<Array<LedgerRow | undefined>> {
    const column = (index: number) => rows.map((row) => row[index]);
    const inserted = (await manager.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, contact_id, campaign_id,
                             campaign_version, step_id, recipient, template_ref, status, reason, retry_at,
                             error_class, error_code, error_message, request, failed_at)
       SELECT *, CASE WHEN v.status = 'failed' THEN now() END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::int[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::text[],
                     $16::text[], $17::text[], $18::jsonb[])
           AS v(workspace_id, idempotency_key, channel, purpose, account_id, contact_id, campaign_id, campaign_version,
                step_id, recipient, template_ref, status, reason, retry_at, error_class, error_code, error_message,
                request)
       ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
       RETURNING ${LEDGER_ROW_COLUMNS}`,
      Array.from({ length: 18 }, (_, index) => column(index)),
    )) as LedgerRow[];
    const byKey = new Map(inserted.map((row) => [`${row.workspace_id}|${row.idempotency_key}`, row]));
    // Of two rows with the same key in one batch, the first is the one inserted; the other finds it afterwards.
    return rows.map((row) => {
      const key = `${row[0]}|${row[1]}`;
      const found = byKey.get(key);
      byKey.delete(key);
      return found;
    });
  }

  /**
   * Writes a new decision on a row that is to be attempted again (deferred, failed transiently, or left sending),
   * only if nobody else did since it was read; undefined when somebody did.
   */
  async readmit(
    manager: EntityManager,
    previous: VersionedRow,
    input: SendMessageInput,
    recipient: string | null,
    admission: Admission,
    recovery?: 'resent',
  ): Promise<LedgerRow | undefined> {
    const [row] = returnedRows<LedgerRow>(
      await manager.query(
        `UPDATE messages
          SET status = $3, reason = $4, retry_at = $5, error_class = $6, error_code = $7, error_message = $8,
              failed_at = CASE WHEN $3 = 'failed' THEN now() END, request = $9, recipient = $10,
              recovery = coalesce($11, recovery), updated_at = clock_timestamp()
        WHERE id = $1 AND xmin::text = $2
        RETURNING ${LEDGER_ROW_COLUMNS}`,
        [
          previous.id,
          previous.row_version,
          ...admissionFields(admission),
          admission.status === 'sending' ? JSON.stringify(input) : null,
          recipient,
          recovery ?? null,
        ],
      ),
    );
    return row;
  }

  /** The provider accepted it; concurrent sends share one UPDATE. */
  recordSent(id: string, outcome: SendSuccess, recipient: string | null): Promise<LedgerRow> {
    return this.sent.submit({ id, outcome, recipient });
  }

  private async recordSentMany(
    items: Array<{ id: string; outcome: SendSuccess; recipient: string | null }>,
  ): Promise<LedgerRow[]> {
    const costs = items.map(({ outcome }) =>
      outcome.costVnd !== undefined ? { amount: outcome.costVnd, currency: 'VND' } : outcome.cost,
    );
    const rows = returnedRows<LedgerRow>(
      await this.db.query(
        `UPDATE messages m
          SET status = CASE WHEN m.status IN ('delivered', 'seen') THEN m.status ELSE 'sent' END,
              provider_message_id = v.provider_message_id, correlation_id = v.correlation_id,
              sent_at = v.sent_at, cost = v.cost, cost_currency = v.cost_currency, billable_units = v.billable_units,
              reason = NULL, retry_at = NULL, error_class = NULL, error_code = NULL, error_message = NULL,
              failed_at = NULL, request = NULL, recipient = coalesce(m.recipient, v.recipient),
              updated_at = clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::numeric[], $6::text[], $7::int[],
                     $8::text[])
           AS v(id, provider_message_id, correlation_id, sent_at, cost, cost_currency, billable_units, recipient)
        WHERE m.id = v.id
       RETURNING ${LEDGER_ROW_COLUMNS.split(',')
         .map((column) => `m.${column.trim()}`)
         .join(', ')}`,
        [
          items.map((item) => item.id),
          items.map((item) => item.outcome.providerMessageId),
          items.map((item) => item.outcome.correlationId),
          items.map((item) => item.outcome.acceptedAt),
          costs.map((cost) => cost?.amount ?? null),
          costs.map((cost) => cost?.currency ?? null),
          items.map((item) => item.outcome.segments ?? null),
          items.map((item) => item.recipient),
        ],
      ),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return items.map((item) => byId.get(item.id) as LedgerRow);
  }

  /** A failed attempt: permanent ones are the row's outcome; quota and hours ones wait (deferred) until retryAt. */
  async recordFailed(
    id: string,
    failure: Pick<SendFailure, 'class' | 'code' | 'message'> & {
      correlationId?: string;
      retryAt?: Date;
      recipient?: string | null;
    },
  ): Promise<LedgerRow> {
    const waits = failure.class === 'quota_exhausted' || failure.class === 'outside_window';
    return this.update(
      `status = $2, reason = $3, retry_at = $4, error_class = $5, error_code = $6, error_message = $7,
       correlation_id = coalesce($8, correlation_id), failed_at = CASE WHEN $2 = 'failed' THEN now() END,
       recipient = coalesce(recipient, $9)`,
      [
        id,
        (waits ? 'deferred' : 'failed') satisfies MessageStatus,
        waits ? failure.class : null,
        failure.retryAt ?? null,
        failure.class,
        failure.code,
        failure.message,
        failure.correlationId ?? null,
        failure.recipient ?? null,
      ],
    );
  }

  /** A row written `sending` that a guard then stopped: nothing was sent, and the row says why. */
  async settle(id: string, recipient: string | null, admission: Admission): Promise<LedgerRow> {
    return this.update(
      `status = $2, reason = $3, retry_at = $4, error_class = $5, error_code = $6, error_message = $7,
       failed_at = CASE WHEN $2 = 'failed' THEN now() END, recipient = $8`,
      [id, ...admissionFields(admission), recipient],
    );
  }

  /**
   * A `sending` row of a marketing message whose outcome a crash lost: not sent again, counted. Undefined when the
   * row is no longer `sending` (another process resolved it).
   */
  async markUnknown(
    manager: EntityManager,
    id: string,
    cause: { code?: string; message: string } = {
      message: 'The send was interrupted and its outcome is unknown; marketing messages are not sent again',
    },
  ): Promise<LedgerRow | undefined> {
    const [row] = returnedRows<LedgerRow>(
      await manager.query(
        `UPDATE messages SET status = 'unknown', recovery = 'not_resent', request = NULL,
              error_class = CASE WHEN $2::text IS NULL THEN error_class ELSE 'outcome_unknown' END,
              error_code = coalesce($2, error_code), error_message = $3, updated_at = clock_timestamp()
        WHERE id = $1 AND status = 'sending' RETURNING ${LEDGER_ROW_COLUMNS}`,
        [id, cause.code ?? null, cause.message],
      ),
    );
    return row;
  }

  /** Marks a `sending` row as still being worked on (see STALE_SENDING_MS). */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE messages SET updated_at = clock_timestamp() WHERE id = $1 AND status = 'sending'`,
      [id],
    );
  }

  /** An attempt's outcome; never over a row a receipt already moved to sent, delivered or seen. */
  private async update(set: string, values: unknown[]): Promise<LedgerRow> {
    const rows = returnedRows<LedgerRow>(
      await this.db.query(
        `UPDATE messages SET ${set}, request = NULL, updated_at = clock_timestamp()
        WHERE id = $1 AND status NOT IN ('sent', 'delivered', 'seen')
       RETURNING ${LEDGER_ROW_COLUMNS}`,
        values,
      ),
    );
    return rows[0] ?? (await this.byId(values[0] as string));
  }
}

/** One row to insert, as the columns of insertMany's unnest, in order. */
type NewRow = unknown[];

function newRow(input: SendMessageInput, recipient: string | null, admission: Admission): NewRow {
  return [
    input.workspaceId,
    input.idempotencyKey,
    CHANNEL_OF_CONTENT[input.content.channel],
    input.purpose,
    input.accountId,
    input.contactId ?? null,
    input.campaign?.id ?? null,
    input.campaign?.version ?? null,
    input.campaign?.stepId ?? null,
    recipient,
    input.content.channel === 'zns' ? input.content.templateId : null,
    ...admissionFields(admission),
    admission.status === 'sending' ? JSON.stringify(input) : null,
  ];
}

function admissionFields(admission: Admission): unknown[] {
  switch (admission.status) {
    case 'sending':
      return ['sending', null, null, null, null, null];
    case 'blocked':
      return ['blocked', admission.reason, null, null, null, null];
    case 'deferred':
      return ['deferred', admission.reason, admission.retryAt, null, null, null];
    case 'failed':
      return ['failed', null, null, 'permanent', admission.errorCode, admission.errorMessage];
  }
}
