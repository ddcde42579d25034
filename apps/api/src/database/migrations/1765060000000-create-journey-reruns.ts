import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-runs of a failed send step (POST /campaigns/{id}/steps/{stepId}/rerun): who asked, when, on which version,
 * how many contacts were re-run and how many skipped (by reason); and one row per journey re-run, keyed by the
 * failed enrollment, which is what makes a re-run happen at most once per failed journey.
 */
export class CreateJourneyReruns1765060000000 implements MigrationInterface {
  name = 'CreateJourneyReruns1765060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journey_reruns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        step_id text NOT NULL,
        version_id uuid NOT NULL REFERENCES campaign_versions (id),
        requested_by jsonb NOT NULL,
        comment text,
        rerun_count integer NOT NULL DEFAULT 0 CHECK (rerun_count >= 0),
        skipped_count integer NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),
        skipped jsonb NOT NULL DEFAULT '{}',
        requested_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX journey_reruns_campaign_idx ON journey_reruns (workspace_id, campaign_id, requested_at DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE journey_rerun_contacts (
        failed_enrollment_id uuid PRIMARY KEY REFERENCES enrollments (id) ON DELETE CASCADE,
        rerun_id uuid NOT NULL REFERENCES journey_reruns (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL,
        step_id text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX journey_rerun_contacts_rerun_idx ON journey_rerun_contacts (rerun_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE journey_rerun_contacts');
    await queryRunner.query('DROP TABLE journey_reruns');
  }
}
