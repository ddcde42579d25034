import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign reports (issue 12 §3). The node report's counts are kept as they happen: a statement trigger on
 * step_events adds each statement's new rows (only those inserted: a repeated record adds nothing) to
 * campaign_step_counts, by campaign, version, step and outcome. Counts are spread over COUNTER_SHARDS rows by
 * enrollment, so concurrent journeys seldom wait on one counter row; readers sum the shards. Step events are only
 * ever inserted (deleted only with their workspace, which takes its counts along): code that comes to update or
 * delete them must adjust the counts in the same statement. The ledger's rows of a
 * campaign are read by campaign and creation time through messages_campaign_idx, its failed ones (error codes)
 * through the much smaller messages_campaign_failed_idx.
 */
export class ReportIndexes1765080000000 implements MigrationInterface {
  name = 'ReportIndexes1765080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_step_counts (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        version_id text NOT NULL,
        step_id text NOT NULL,
        outcome text NOT NULL,
        shard smallint NOT NULL,
        count bigint NOT NULL CHECK (count >= 0),
        PRIMARY KEY (campaign_id, version_id, step_id, outcome, shard)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION count_step_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO campaign_step_counts AS c (workspace_id, campaign_id, version_id, step_id, outcome, shard, count)
        SELECT e.workspace_id, e.campaign_id, e.version_id, n.step_id, n.outcome, ${SHARD_OF('n.enrollment_id')},
               count(*)
        FROM inserted n JOIN enrollments e ON e.id = n.enrollment_id
        GROUP BY 1, 2, 3, 4, 5, 6
        ORDER BY 2, 3, 4, 5, 6
        ON CONFLICT (campaign_id, version_id, step_id, outcome, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER step_events_counted AFTER INSERT ON step_events
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_step_events()`);
    await queryRunner.query(`
      INSERT INTO campaign_step_counts (workspace_id, campaign_id, version_id, step_id, outcome, shard, count)
      SELECT e.workspace_id, e.campaign_id, e.version_id, s.step_id, s.outcome, ${SHARD_OF('s.enrollment_id')},
             count(*)
      FROM step_events s JOIN enrollments e ON e.id = s.enrollment_id
      GROUP BY 1, 2, 3, 4, 5, 6`);
    await queryRunner.query(
      `CREATE INDEX messages_campaign_idx ON messages (workspace_id, campaign_id, created_at)
         WHERE campaign_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_campaign_failed_idx ON messages (workspace_id, campaign_id, created_at)
         WHERE status = 'failed' AND campaign_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX messages_campaign_failed_idx');
    await queryRunner.query('DROP INDEX messages_campaign_idx');
    await queryRunner.query('DROP TRIGGER step_events_counted ON step_events');
    await queryRunner.query('DROP FUNCTION count_step_events()');
    await queryRunner.query('DROP TABLE campaign_step_counts');
  }
}

const COUNTER_SHARDS = 8;
const SHARD_OF = (enrollmentId: string) => `(hashtext(${enrollmentId}::text) & ${COUNTER_SHARDS - 1})`;
