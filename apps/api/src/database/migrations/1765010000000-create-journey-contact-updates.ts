import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact updates journeys applied, one row per idempotency key (`{workflowId}:{enrollmentId}:{stepId}:{visit}`),
 * written in the transaction of the update: a retried activity finds its key and applies nothing twice (issue 10 §3).
 */
export class CreateJourneyContactUpdates1765010000000 implements MigrationInterface {
  name = 'CreateJourneyContactUpdates1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journey_contact_updates (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE journey_contact_updates');
  }
}
