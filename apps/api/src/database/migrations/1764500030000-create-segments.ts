import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments (issue 8 §5): a rule tree per segment, its current members and the log of who entered and left, which
 * campaigns read to enrol contacts when they start matching. The two `loa_try_*` functions read a text as a date
 * or an instant, or null when it is none, so a rule over stored values can never fail a query.
 */
export class CreateSegments1764500030000 implements MigrationInterface {
  name = 'CreateSegments1764500030000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        rule jsonb NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        member_count integer NOT NULL DEFAULT 0,
        refreshed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX segments_workspace_idx ON segments (workspace_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE segment_memberships (
        segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (segment_id, contact_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX segment_memberships_contact_idx ON segment_memberships (contact_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE segment_membership_changes (
        seq bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        change text NOT NULL CHECK (change IN ('entered', 'left')),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX segment_membership_changes_segment_idx ON segment_membership_changes (segment_id, seq)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION loa_try_date(value text) RETURNS date LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN value::date;
      EXCEPTION WHEN others THEN
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION loa_try_timestamptz(value text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN value::timestamptz;
      EXCEPTION WHEN others THEN
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION loa_try_timestamptz(text)');
    await queryRunner.query('DROP FUNCTION loa_try_date(text)');
    for (const table of ['segment_membership_changes', 'segment_memberships', 'segments'])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
