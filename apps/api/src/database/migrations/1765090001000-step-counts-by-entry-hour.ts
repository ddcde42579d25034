import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The step counters (campaign_step_counts, migration 1765080000000) also by the UTC hour in which each journey
 * entered, so that a report window of whole hours (any whole day in a time zone of whole-hour offset) reads them
 * too, not only a report without a window; and sharded by database session rather than by journey, as the message
 * counters are, so that concurrent recorders of one campaign do not queue on the same counter rows. The counters
 * are rebuilt from the step events, under the same lock that adds the new trigger, so none is lost or counted twice.
 */
export class StepCountsByEntryHour1765090001000 implements MigrationInterface {
  name = 'StepCountsByEntryHour1765090001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, false);
  }
}

const SHARD_OF_JOURNEY = (enrollmentId: string) => `(hashtext(${enrollmentId}::text) & 7)`;
const SHARD_OF_SESSION = 'pg_backend_pid() % 16';

async function rebuild(queryRunner: QueryRunner, byEntryHour: boolean): Promise<void> {
  const hourColumn = byEntryHour ? 'entry_hour timestamptz NOT NULL,' : '';
  const key = `campaign_id, version_id, ${byEntryHour ? 'entry_hour, ' : ''}step_id, outcome, shard`;
  const hourOf = byEntryHour ? `date_trunc('hour', e.entered_at, 'UTC'),` : '';
  const columns = `workspace_id, campaign_id, version_id, ${byEntryHour ? 'entry_hour, ' : ''}step_id, outcome, shard, count`;
  await queryRunner.query('LOCK TABLE step_events IN SHARE ROW EXCLUSIVE MODE');
  await queryRunner.query('DROP TRIGGER step_events_counted ON step_events');
  await queryRunner.query('DROP FUNCTION count_step_events()');
  await queryRunner.query('DROP TABLE campaign_step_counts');
  await queryRunner.query(`
    CREATE TABLE campaign_step_counts (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      version_id text NOT NULL,
      ${hourColumn}
      step_id text NOT NULL,
      outcome text NOT NULL,
      shard smallint NOT NULL,
      count bigint NOT NULL CHECK (count >= 0),
      PRIMARY KEY (${key})
    )`);
  const groups = byEntryHour ? '1, 2, 3, 4, 5, 6, 7' : '1, 2, 3, 4, 5, 6';
  const order = byEntryHour ? '2, 3, 4, 5, 6, 7' : '2, 3, 4, 5, 6';
  await queryRunner.query(`
    CREATE FUNCTION count_step_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO campaign_step_counts AS c (${columns})
      SELECT e.workspace_id, e.campaign_id, e.version_id, ${hourOf} n.step_id, n.outcome,
             ${byEntryHour ? SHARD_OF_SESSION : SHARD_OF_JOURNEY('n.enrollment_id')}, count(*)
      FROM inserted n JOIN enrollments e ON e.id = n.enrollment_id
      GROUP BY ${groups}
      ORDER BY ${order}
      ON CONFLICT (${key}) DO UPDATE SET count = c.count + EXCLUDED.count;
      RETURN NULL;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER step_events_counted AFTER INSERT ON step_events
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_step_events()`);
  await queryRunner.query(`
    INSERT INTO campaign_step_counts (${columns})
    SELECT e.workspace_id, e.campaign_id, e.version_id, ${hourOf} s.step_id, s.outcome,
           ${byEntryHour ? '0' : SHARD_OF_JOURNEY('s.enrollment_id')}, count(*)
    FROM step_events s JOIN enrollments e ON e.id = s.enrollment_id
    GROUP BY ${groups}`);
}
