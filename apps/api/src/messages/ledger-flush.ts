import { randomUUID } from 'node:crypto';
import type { SendSuccess } from '@loa/connectors';
import type { DataSource } from 'typeorm';
import { Batcher } from './batcher';
import {
  CONTACT_FACTS_COLUMNS,
  CONTACT_FACTS_JOIN,
  type ContactFactsRow,
  type FactsLookup,
} from './guard-contact';
import type { LedgerRow, MessageStatus } from './message-row';
import { insertedValues, NEW_ROW_COLUMNS, ledgerRowOf, type NewRow } from './new-row';
import { LedgerStatements } from './ledger-statements';

/**
 * Flushes in flight at once. One: a flush carries every write that came while the previous one ran, and smaller
 * flushes cost PostgreSQL more per message without making sends faster (`npm run bench:send`).
 */
const LANES = 1;
/** Pauses before writing an outcome again (well within STALE_SENDING_MS, after which recovery takes the row). */
const OUTCOME_WRITE_PAUSES_MS = [100, 500, 2_000, 5_000];

type Write =
  | { kind: 'admit'; id: string; row: NewRow; lookup: FactsLookup | undefined }
  | { kind: 'sent'; row: LedgerRow; outcome: SendSuccess };

export interface Admitted {
  row: LedgerRow | undefined;
  facts: ContactFactsRow | undefined;
}

type Written = Admitted | LedgerRow;

type AdmitRow = ContactFactsRow & { ord: string; written: boolean };

/**
 * The ledger writes of sends that no cap counts (transactional, OTP), shared by every send in flight at once. Each
 * flush inserts the rows of new sends (reading what the guards need to know about each recipient with them) and
 * records the outcomes that came back from the provider meanwhile: two statements, each its own transaction (each
 * moves the campaign counters in one sorted upsert, see the campaign-message-counts migration), sent one right after
 * the other on one connection. Each is committed before its callers go on: a row before the provider is called, an
 * outcome before the send answers.
 */
export class LedgerFlush {
  private readonly writes: Batcher<Write, Written>;
  private readonly statements: LedgerStatements;

  /** `newId`: the id each new row gets (tests choose it). */
  constructor(
    db: DataSource,
    prepared: boolean,
    private readonly newId: () => string = randomUUID,
  ) {
    this.statements = new LedgerStatements(db, prepared, LANES);
    // A flush that fails is tried again in halves, down to single writes: one bad row fails only its own send.
    this.writes = new Batcher((items) => this.writeMany(items), { lanes: LANES, alone: true });
  }

  /**
   * Inserts the row (undefined when its key was taken) and reads the recipient's contact facts with it. The row's id
   * is chosen here, so that a flush written again (its answer lost with its connection) knows its own rows.
   */
  admit(row: NewRow, lookup: FactsLookup | undefined): Promise<Admitted> {
    return this.writes.submit({ kind: 'admit', id: this.newId(), row, lookup }) as Promise<Admitted>;
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
    // Each statement takes one parameter, a JSON array of rows (one value per column, in order): cheaper to build
    // than an array parameter per column, which the driver escapes element by element.
    const [admitted = [], recorded = []] = await this.statements.queryInOrder<AdmitRow & SentRow>([
      admits.length > 0 && {
        text: ADMIT,
        values: [
          JSON.stringify(
            admits.map((item) => [
              item.id,
              ...item.row,
              item.lookup?.by ?? null,
              item.lookup?.key ?? null,
              item.lookup?.oaId ?? null,
            ]),
          ),
        ],
      },
      sent.length > 0 && {
        text: RECORD_SENT,
        values: [
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
        ],
      },
    ]);
    const byOrd = new Map(admitted.map((row) => [Number(row.ord), row]));
    const statusOf = new Map(recorded.map((row) => [row.id, row.status]));
    let ord = 0;
    return items.map((item): Written => {
      if (item.kind === 'sent') return sentRow(item.row, item.outcome, statusOf.get(item.row.id));
      ord += 1;
      const found = byOrd.get(ord);
      if (!found?.written) return { row: undefined, facts: undefined };
      return { row: ledgerRowOf(item.id, item.row), facts: found };
    });
  }
}

interface SentRow {
  id: string;
  status: MessageStatus;
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
/** Element 0 of each row is its id, then NEW_ROW_COLUMNS, then the facts lookup. */
const NEW_ROW_VALUES = NEW_ROW_COLUMNS.map(
  ([name, type], index) => `(r->>${index + 1})::${type} AS ${name}`,
).join(', ');
const LOOKUP = NEW_ROW_COLUMNS.length + 1;

// Each row with its facts (`ord` numbers them as given) and whether it is written: inserted now, or by an earlier
// try of the same flush (the statement's snapshot sees what was committed before it, not what it inserts itself).
// No join between the rows and the inserted ones: these connections plan without hash joins (ledger-statements.ts).
const ADMIT = `
  WITH n AS (
    SELECT (r->>0)::uuid AS id, ${NEW_ROW_VALUES}, r->>${LOOKUP} AS lookup_by, r->>${LOOKUP + 1} AS lookup_key,
           r->>${LOOKUP + 2} AS oa_id, ord
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, ord)
  ), ins AS (
    INSERT INTO messages (id, ${NAMES}, failed_at)
    -- In key order, so that two statements inserting the same keys cannot wait on each other (a deadlock).
    SELECT n.id, ${insertedValues('n')}, CASE WHEN n.status = 'failed' THEN now() END FROM n
     ORDER BY workspace_id, idempotency_key, ord
    ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
    RETURNING id
  )
  SELECT n.ord, n.id IN (SELECT id FROM ins) OR EXISTS (SELECT 1 FROM messages m WHERE m.id = n.id) AS written,
         ${CONTACT_FACTS_COLUMNS}
    FROM n
    ${CONTACT_FACTS_JOIN}`;

const RECORD_SENT = `
  WITH v AS (
    SELECT (s->>0)::uuid AS id, s->>1 AS provider_message_id, s->>2 AS correlation_id,
           (s->>3)::timestamptz AS sent_at, (s->>4)::numeric AS cost, s->>5 AS cost_currency,
           (s->>6)::int AS billable_units, s->>7 AS recipient
      FROM jsonb_array_elements($1::jsonb) AS e(s)
  )
  UPDATE messages m
     SET status = CASE WHEN m.status IN ('delivered', 'seen') THEN m.status ELSE 'sent' END,
         provider_message_id = v.provider_message_id, correlation_id = v.correlation_id,
         sent_at = v.sent_at, cost = v.cost, cost_currency = v.cost_currency, billable_units = v.billable_units,
         reason = NULL, retry_at = NULL, error_class = NULL, error_code = NULL, error_message = NULL,
         failed_at = NULL, request = NULL, recipient = coalesce(m.recipient, v.recipient),
         updated_at = clock_timestamp()
    FROM v
   WHERE m.id = v.id
  RETURNING m.id, m.status`;
