import type { SendFailure, SendSuccess } from '@loa/connectors';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import type { FactsLookup } from './guard-contact';
import { LedgerFlush, type Admitted } from './ledger-flush';
import {
  LEDGER_ROW_COLUMNS,
  MESSAGE_COLUMNS,
  type LedgerRow,
  type MessageRow,
  type MessageStatus,
} from './message-row';
import { admissionFields, insertedValues, newRow, NEW_ROW_COLUMNS, type NewRow } from './new-row';
import type { SendMessageInput } from './send-message.types';

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
  private readonly flush: LedgerFlush;

  /** `prepared`: the hot statements are named prepared statements (PostgreSQL without a transaction pooler). */
  constructor(
    private readonly db: DataSource,
    prepared: boolean,
  ) {
    this.flush = new LedgerFlush(db, prepared);
  }

  /** Closes the connections of the batched statements (LedgerFlush). */
  close(): Promise<void> {
    return this.flush.close();
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

  /**
   * `insert` outside a transaction, for a message no cap counts: concurrent sends share one statement (see
   * LedgerFlush), which also reads what the guards need to know about the recipient.
   */
  admitBatched(
    input: SendMessageInput,
    recipient: string | null,
    admission: Admission,
    lookup: FactsLookup | undefined,
  ): Promise<Admitted> {
    return this.flush.admit(newRow(input, recipient, admission), lookup);
  }

  private async insertMany(rows: NewRow[], manager: EntityManager): Promise<Array<LedgerRow | undefined>> {
    const names = NEW_ROW_COLUMNS.map(([name]) => name).join(', ');
    const arrays = NEW_ROW_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    const inserted = (await manager.query(
      `INSERT INTO messages (${names}, failed_at)
       SELECT ${insertedValues('v')}, CASE WHEN v.status = 'failed' THEN now() END
         FROM unnest(${arrays}) AS v(${names})
       ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
       RETURNING ${LEDGER_ROW_COLUMNS}`,
      NEW_ROW_COLUMNS.map((_, index) => rows.map((row) => row[index])),
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

  /** The provider accepted it; concurrent sends share one statement (see LedgerFlush). */
  recordSent(row: LedgerRow, outcome: SendSuccess): Promise<LedgerRow> {
    return this.flush.recordSent(row, outcome);
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
