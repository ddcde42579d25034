import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journeys' progress as the worker records it: one enrollment per journey (a workflow id and its first run id:
 * re-entry after exit reuses the workflow id), and its path as step events numbered by their position in the
 * enrollment's log, so a repeated record adds nothing. Campaign and contact ids carry no foreign key: a journey's
 * record must land even when its contact was erased meanwhile. Also the workspace's named secrets (HTTP steps'
 * secret headers), sealed like every other secret.
 */
export class CreateEnrollmentsAndWorkspaceSecrets1765015000000 implements MigrationInterface {
  name = 'CreateEnrollmentsAndWorkspaceSecrets1765015000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        version_id text NOT NULL,
        contact_id uuid NOT NULL,
        workflow_id text NOT NULL,
        run_id text NOT NULL,
        entry_key text NOT NULL,
        entry_event_id text,
        status text NOT NULL CHECK (status IN ('active', 'exited')),
        current_step text,
        exit_reason text,
        converted boolean NOT NULL DEFAULT false,
        logged integer NOT NULL CHECK (logged >= 0),
        entered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        exited_at timestamptz,
        UNIQUE (workflow_id, run_id),
        CHECK ((status = 'exited') = (exited_at IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX enrollments_campaign_idx ON enrollments (workspace_id, campaign_id, status, entered_at)',
    );
    await queryRunner.query('CREATE INDEX enrollments_contact_idx ON enrollments (workspace_id, contact_id)');
    await queryRunner.query(`
      CREATE TABLE step_events (
        enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        step_id text NOT NULL,
        outcome text NOT NULL,
        at timestamptz NOT NULL,
        detail text,
        PRIMARY KEY (enrollment_id, seq)
      )`);
    await queryRunner.query(`
      CREATE TABLE workspace_secrets (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,100}$'),
        value_ciphertext text NOT NULL,
        value_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE workspace_secrets');
    await queryRunner.query('DROP TABLE step_events');
    await queryRunner.query('DROP TABLE enrollments');
  }
}
