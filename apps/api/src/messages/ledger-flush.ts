import type { SendSuccess } from '@loa/connectors';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import { Batcher } from './batcher';
import {
  CONTACT_FACTS_COLUMNS,
  CONTACT_FACTS_JOIN,
  type ContactFactsRow,
  type FactsLookup,
} from './guard-contact';
import type { LedgerRow, MessageStatus } from './message-row';
import { insertedValues, NEW_ROW_COLUMNS, ledgerRowOf, type NewRow } from './new-row';
import { preparedQuery } from './prepared-query';

/** Statements of each kind in flight at once (the connection pool has 10). */
const LANES = 3;
/** Pauses before writing an outcome again (well within STALE_SENDING_MS, after which recovery takes the row). */
const OUTCOME_WRITE_PAUSES_MS = [100, 500, 2_000, 5_000];

interface Admit {
  row: NewRow;
  lookup: FactsLookup | undefined;
}

export interface Admitted {
  row: LedgerRow | undefined;
  facts: ContactFactsRow | undefined;
}

interface Sent {
  row: LedgerRow;
  outcome: SendSuccess;
}

/**
 * The ledger writes of sends that no cap counts (transactional, OTP), shared by every send in flight at once: one
 * statement inserts the new rows and reads what the guards need to know about each recipient, another records the
 * outcomes that came back from the provider. Each is committed before its callers go on: a row before the provider
 * is called, an outcome before the send answers.
 */
export class LedgerFlush {
  private readonly admits: Batcher<Admit, Admitted>;
  private readonly sent: Batcher<Sent, LedgerRow>;

  constructor(
    private readonly db: DataSource,
    private readonly prepared: boolean,
  ) {
    // A statement that fails is tried again for each of its sends alone: one bad row fails only its own send.
    this.admits = new Batcher((items) => this.admitMany(items), { lanes: LANES, alone: true });
    this.sent = new Batcher((items) => this.recordSentPatiently(items), { lanes: LANES, alone: true });
  }

  /** Inserts the row (undefined when its key was taken) and reads the recipient's contact facts with it. */
  admit(row: NewRow, lookup: FactsLookup | undefined): Promise<Admitted> {
    return this.admits.submit({ row, lookup });
  }

  /** Records the provider's acceptance; a row a receipt already moved on keeps its status. */
  recordSent(row: LedgerRow, outcome: SendSuccess): Promise<LedgerRow> {
    return this.sent.submit({ row, outcome });
  }

  private async admitMany(items: Admit[]): Promise<Admitted[]> {
    // Prepared: the statement is planned once per connection. Its plan does not depend on table sizes (an INSERT, and
    // lookups by unique keys), so a plan made while the tables were small stays right.
    const rows = await preparedQuery<ContactFactsRow & { ord: string; id: string }>(
      this.db,
      this.prepared,
      ADMIT,
      [
        ...NEW_ROW_COLUMNS.map((_, index) => items.map((item) => item.row[index])),
        items.map((item) => item.lookup?.by ?? null),
        items.map((item) => item.lookup?.key ?? null),
        items.map((item) => item.lookup?.oaId ?? null),
      ],
    );
    const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
    const inserted = new Set<string>();
    return items.map((item, index): Admitted => {
      const found = byOrd.get(index + 1);
      // Of two rows with the same key in one statement, the first is the one inserted; the other finds it afterwards.
      if (!found || inserted.has(found.id)) return { row: undefined, facts: undefined };
      inserted.add(found.id);
      return { row: ledgerRowOf(found.id, item.row), facts: found };
    });
  }

  /**
   * The provider has taken these messages: their outcome must reach the ledger, or recovery would take the rows for
   * ones a crash left and resend the transactional ones. A failed write is tried again for a while.
   */
  private async recordSentPatiently(items: Sent[]): Promise<LedgerRow[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.recordSentMany(items);
      } catch (error) {
        if (attempt >= OUTCOME_WRITE_PAUSES_MS.length + 1) throw error;
        await new Promise((resolve) => setTimeout(resolve, OUTCOME_WRITE_PAUSES_MS[attempt - 1]));
      }
    }
  }

  private async recordSentMany(items: Sent[]): Promise<LedgerRow[]> {
    const costs = items.map(({ outcome }) =>
      outcome.costVnd !== undefined ? { amount: outcome.costVnd, currency: 'VND' } : outcome.cost,
    );
    // Not prepared: planned with the ids it is given, so it finds the rows by key however fast the table grew.
    const rows = returnedRows<{ id: string; status: MessageStatus }>(
      await this.db.query(RECORD_SENT, [
        items.map((item) => item.row.id),
        items.map((item) => item.outcome.providerMessageId ?? null),
        items.map((item) => item.outcome.correlationId),
        items.map((item) => item.outcome.acceptedAt),
        costs.map((cost) => cost?.amount ?? null),
        costs.map((cost) => cost?.currency ?? null),
        items.map((item) => item.outcome.segments ?? null),
        items.map((item) => item.row.recipient),
      ]),
    );
    const statusOf = new Map(rows.map((row) => [row.id, row.status]));
    return items.map(({ row, outcome }) => ({
      ...row,
      status: statusOf.get(row.id) ?? 'sent',
      provider_message_id: outcome.providerMessageId ?? null,
      reason: null,
      retry_at: null,
      error_class: null,
      error_code: null,
      error_message: null,
    }));
  }
}

const NAMES = NEW_ROW_COLUMNS.map(([name]) => name).join(', ');
const ARRAYS = NEW_ROW_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
const LOOKUP = NEW_ROW_COLUMNS.length;

const ADMIT = `
  WITH n AS (
    SELECT * FROM unnest(${ARRAYS}, $${LOOKUP + 1}::text[], $${LOOKUP + 2}::text[], $${LOOKUP + 3}::text[])
      WITH ORDINALITY AS v(${NAMES}, lookup_by, lookup_key, oa_id, ord)
  ), ins AS (
    INSERT INTO messages (${NAMES}, failed_at)
    -- In key order, so that two statements inserting the same keys cannot wait on each other (a deadlock).
    SELECT ${insertedValues('n')}, CASE WHEN n.status = 'failed' THEN now() END FROM n
     ORDER BY workspace_id, idempotency_key, ord
    ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
    RETURNING id, workspace_id, idempotency_key
  )
  SELECT n.ord, ins.id, ${CONTACT_FACTS_COLUMNS}
    FROM n JOIN ins ON ins.workspace_id = n.workspace_id AND ins.idempotency_key = n.idempotency_key
    ${CONTACT_FACTS_JOIN}`;

const RECORD_SENT = `
  UPDATE messages m
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
  RETURNING m.id, m.status`;
