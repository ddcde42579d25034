import type { SendSuccess } from '@loa/connectors';
import type { DataSource } from 'typeorm';
import { Batcher } from './batcher';
import {
  CONTACT_FACTS_COLUMNS,
  CONTACT_FACTS_JOIN,
  NO_CONTACT_FACTS,
  type ContactFactsRow,
  type FactsLookup,
} from './guard-contact';
import type { LedgerRow, MessageStatus } from './message-row';
import { insertedValues, NEW_ROW_COLUMNS, ledgerRowOf, type NewRow } from './new-row';
import { LedgerStatements } from './ledger-statements';

/** Statements in flight at once, each on a connection of its own. */
const LANES = 1;
/** Pauses before writing an outcome again (well within STALE_SENDING_MS, after which recovery takes the row). */
const OUTCOME_WRITE_PAUSES_MS = [100, 500, 2_000, 5_000];

type Write =
  | { kind: 'admit'; row: NewRow; lookup: FactsLookup | undefined }
  | { kind: 'sent'; row: LedgerRow; outcome: SendSuccess };

export interface Admitted {
  row: LedgerRow | undefined;
  facts: ContactFactsRow | undefined;
}

type Written = Admitted | LedgerRow;

type FlushRow = ContactFactsRow & { ord: string | null; id: string; status: MessageStatus | null };

/**
 * The ledger writes of sends that no cap counts (transactional, OTP), shared by every send in flight at once: one
 * statement inserts the new rows (reading what the guards need to know about each recipient with them) and records
 * the outcomes that came back from the provider meanwhile. It is committed before its callers go on: a row before
 * the provider is called, an outcome before the send answers.
 */
export class LedgerFlush {
  private readonly writes: Batcher<Write, Written>;
  private readonly statements: LedgerStatements;

  constructor(db: DataSource, prepared: boolean) {
    this.statements = new LedgerStatements(db, prepared, LANES);
    // A statement that fails is tried again for each of its writes alone: one bad row fails only its own send.
    this.writes = new Batcher((items) => this.writeMany(items), { lanes: LANES, alone: true });
  }

  /** Inserts the row (undefined when its key was taken) and reads the recipient's contact facts with it. */
  admit(row: NewRow, lookup: FactsLookup | undefined): Promise<Admitted> {
    return this.writes.submit({ kind: 'admit', row, lookup }) as Promise<Admitted>;
  }

  /**
   * Records the provider's acceptance; a row a receipt already moved on keeps its status. The provider has taken the
   * message: its outcome must reach the ledger, or recovery would take the row for one a crash left and resend it if
   * transactional. A failed write is tried again for a while.
   */
  async recordSent(row: LedgerRow, outcome: SendSuccess): Promise<LedgerRow> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.writes.submit({ kind: 'sent', row, outcome })) as LedgerRow;
      } catch (error) {
        if (attempt >= OUTCOME_WRITE_PAUSES_MS.length + 1) throw error;
        await new Promise((resolve) => setTimeout(resolve, OUTCOME_WRITE_PAUSES_MS[attempt - 1]));
      }
    }
  }

  close(): Promise<void> {
    return this.statements.close();
  }

  private async writeMany(items: Write[]): Promise<Written[]> {
    const admits = items.filter((item) => item.kind === 'admit');
    // In id order, so that two statements updating the same rows cannot wait on each other (a deadlock).
    const sent = items
      .filter((item) => item.kind === 'sent')
      .sort((a, b) => (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
    const costs = sent.map(({ outcome }) =>
      outcome.costVnd !== undefined ? { amount: outcome.costVnd, currency: 'VND' } : outcome.cost,
    );
    // Two parameters, each a JSON array of rows (one value per column, in order): cheaper to build than an array
    // parameter per column, which the driver escapes element by element.
    const rows = await this.statements.query<FlushRow>(WRITE, [
      JSON.stringify(
        admits.map((item) => [
          ...item.row,
          item.lookup?.by ?? null,
          item.lookup?.key ?? null,
          item.lookup?.oaId ?? null,
        ]),
      ),
      JSON.stringify(
        sent.map(({ row, outcome }, at) => [
          row.id,
          outcome.providerMessageId ?? null,
          outcome.correlationId,
          outcome.acceptedAt,
          costs[at]?.amount ?? null,
          costs[at]?.currency ?? null,
          outcome.segments ?? null,
          row.recipient,
        ]),
      ),
    ]);
    const admitted = new Map<number, FlushRow>();
    const statusOf = new Map<string, MessageStatus>();
    for (const row of rows) {
      if (row.ord === null) statusOf.set(row.id, row.status!);
      else admitted.set(Number(row.ord), row);
    }
    const inserted = new Set<string>();
    let ord = 0;
    return items.map((item): Written => {
      if (item.kind === 'sent') return sentRow(item.row, item.outcome, statusOf.get(item.row.id));
      ord += 1;
      const found = admitted.get(ord);
      // Of two rows with the same key in one statement, the first is the one inserted; the other finds it afterwards.
      if (!found || inserted.has(found.id)) return { row: undefined, facts: undefined };
      inserted.add(found.id);
      return { row: ledgerRowOf(found.id, item.row), facts: found };
    });
  }
}

function sentRow(row: LedgerRow, outcome: SendSuccess, status: MessageStatus | undefined): LedgerRow {
  return {
    ...row,
    status: status ?? 'sent',
    provider_message_id: outcome.providerMessageId ?? null,
    reason: null,
    retry_at: null,
    error_class: null,
    error_code: null,
    error_message: null,
  };
}

const NAMES = NEW_ROW_COLUMNS.map(([name]) => name).join(', ');
const LOOKUP = NEW_ROW_COLUMNS.length;
const NEW_ROW_VALUES = NEW_ROW_COLUMNS.map(
  ([name, type], index) => `(r->>${index})::${type} AS ${name}`,
).join(', ');

// The rows inserted and the outcomes recorded, in one statement: the inserted rows with their facts (`ord` numbers
// them as given), then the recorded outcomes (`ord` null).
const WRITE = `
  WITH n AS (
    SELECT ${NEW_ROW_VALUES}, r->>${LOOKUP} AS lookup_by, r->>${LOOKUP + 1} AS lookup_key,
           r->>${LOOKUP + 2} AS oa_id, ord
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, ord)
  ), ins AS (
    INSERT INTO messages (${NAMES}, failed_at)
    -- In key order, so that two statements inserting the same keys cannot wait on each other (a deadlock).
    SELECT ${insertedValues('n')}, CASE WHEN n.status = 'failed' THEN now() END FROM n
     ORDER BY workspace_id, idempotency_key, ord
    ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
    RETURNING id, workspace_id, idempotency_key
  ), v AS (
    SELECT (s->>0)::uuid AS id, s->>1 AS provider_message_id, s->>2 AS correlation_id,
           (s->>3)::timestamptz AS sent_at, (s->>4)::numeric AS cost, s->>5 AS cost_currency,
           (s->>6)::int AS billable_units, s->>7 AS recipient
      FROM jsonb_array_elements($2::jsonb) AS e(s)
  ), sent AS (
    UPDATE messages m
       SET status = CASE WHEN m.status IN ('delivered', 'seen') THEN m.status ELSE 'sent' END,
           provider_message_id = v.provider_message_id, correlation_id = v.correlation_id,
           sent_at = v.sent_at, cost = v.cost, cost_currency = v.cost_currency, billable_units = v.billable_units,
           reason = NULL, retry_at = NULL, error_class = NULL, error_code = NULL, error_message = NULL,
           failed_at = NULL, request = NULL, recipient = coalesce(m.recipient, v.recipient),
           updated_at = clock_timestamp()
      FROM v
     WHERE m.id = v.id
    RETURNING m.id, m.status
  )
  SELECT n.ord, ins.id, NULL::text AS status, ${CONTACT_FACTS_COLUMNS}
    FROM n JOIN ins ON ins.workspace_id = n.workspace_id AND ins.idempotency_key = n.idempotency_key
    ${CONTACT_FACTS_JOIN}
  UNION ALL
  SELECT NULL, sent.id, sent.status, ${NO_CONTACT_FACTS} FROM sent`;
