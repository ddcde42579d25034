import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign reports read the ledger's figures from counters, not from its rows (issue 12 §3): campaign_message_counts
 * holds, per campaign, version, step, channel, account, hour of creation (UTC), status, whether the provider
 * accepted the message, error code (failed rows only) and cost currency, how many ledger rows there are and their
 * cost. Statement triggers on messages keep it: an INSERT adds its campaign rows, an UPDATE moves each changed row
 * from its old key to its new one (net changes only, so a touch or an erasure writes nothing). Each database session
 * writes its changes to a shard of its own (of COUNTER_SHARDS, by backend process), so that concurrent sends and
 * receipts, which mostly change the same few keys (one campaign, hour and status), seldom wait on one counter row; a
 * shard's count can fall below zero when a row counted by one session is moved by another, and readers sum the
 * shards. Each write path changes a transaction's ledger rows in one statement (one sorted upsert of the counters);
 * a transaction that came to change them in two could deadlock with another taking the same counter rows in the
 * opposite order. Ledger rows are only deleted with their workspace, which takes its counters along; code that comes to
 * delete them otherwise must adjust the counters in the same statement.
 */
export class CampaignMessageCounts1765090000000 implements MigrationInterface {
  name = 'CampaignMessageCounts1765090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_message_counts (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        campaign_version integer NOT NULL,
        step_id text NOT NULL,
        channel text NOT NULL,
        account_id uuid NOT NULL,
        hour timestamptz NOT NULL,
        status text NOT NULL,
        accepted boolean NOT NULL,
        error_code text NOT NULL,
        cost_currency text NOT NULL,
        shard smallint NOT NULL,
        count bigint NOT NULL,
        cost numeric NOT NULL,
        PRIMARY KEY (${KEY}, shard)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION count_inserted_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsertCounts(`SELECT ${keyOf('n')}, 1 AS delta, coalesce(n.cost, 0) AS cost
                        FROM new_rows n WHERE n.campaign_id IS NOT NULL`)}
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION count_updated_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsertCounts(`SELECT ${keyOf('n')}, 1 AS delta, coalesce(n.cost, 0) AS cost
                        FROM new_rows n WHERE n.campaign_id IS NOT NULL
                        UNION ALL
                        SELECT ${keyOf('o')}, -1, -coalesce(o.cost, 0)
                        FROM old_rows o WHERE o.campaign_id IS NOT NULL`)}
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER messages_counted_on_insert AFTER INSERT ON messages
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_messages()`);
    await queryRunner.query(`
      CREATE TRIGGER messages_counted_on_update AFTER UPDATE ON messages
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION count_updated_messages()`);
    await queryRunner.query(`
      INSERT INTO campaign_message_counts (${KEY}, shard, count, cost)
      SELECT ${keyOf('m')}, 0, count(*), sum(coalesce(m.cost, 0))
      FROM messages m WHERE m.campaign_id IS NOT NULL
      GROUP BY ${KEY_POSITIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER messages_counted_on_update ON messages');
    await queryRunner.query('DROP TRIGGER messages_counted_on_insert ON messages');
    await queryRunner.query('DROP FUNCTION count_updated_messages()');
    await queryRunner.query('DROP FUNCTION count_inserted_messages()');
    await queryRunner.query('DROP TABLE campaign_message_counts');
  }
}

const COUNTER_SHARDS = 16;

const KEY = `workspace_id, campaign_id, campaign_version, step_id, channel, account_id, hour, status, accepted,
  error_code, cost_currency`;
/** GROUP BY positions of the key in `keyOf(…)`. */
const KEY_POSITIONS = Array.from({ length: 11 }, (_, index) => index + 1).join(', ');

/** A ledger row's counter key; "accepted" and the error code as the campaign reports define them. */
const keyOf = (row: string) => `${row}.workspace_id, ${row}.campaign_id, coalesce(${row}.campaign_version, 0),
  coalesce(${row}.step_id, ''), ${row}.channel, ${row}.account_id, date_trunc('hour', ${row}.created_at, 'UTC'),
  ${row}.status, (${row}.sent_at IS NOT NULL OR ${row}.status IN ('sent', 'delivered', 'seen')),
  CASE WHEN ${row}.status = 'failed' THEN coalesce(${row}.error_code, 'unknown') ELSE '' END,
  coalesce(${row}.cost_currency, '')`;

/** Adds the net change of `deltas` (rows of key, delta, cost) to this session's shard of the counters, in key order. */
const upsertCounts = (deltas: string) => `
  INSERT INTO campaign_message_counts AS c (${KEY}, shard, count, cost)
  SELECT ${KEY}, pg_backend_pid() % ${COUNTER_SHARDS}, sum(delta), sum(cost)
  FROM (${deltas}) AS d (${KEY}, delta, cost)
  GROUP BY ${KEY}
  HAVING sum(delta) <> 0 OR sum(cost) <> 0
  ORDER BY ${KEY}
  ON CONFLICT (${KEY}, shard) DO UPDATE SET count = c.count + EXCLUDED.count, cost = c.cost + EXCLUDED.cost;`;
