import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entry into journeys: the enrolment limit's counter per campaign, the event router's cursor per workspace, and an
 * index for the active campaigns the router reads on every batch of events.
 */
export class CreateEnrollmentEntry1765020000000 implements MigrationInterface {
  name = 'CreateEnrollmentEntry1765020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_entry_counts (
        campaign_id uuid PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        entered integer NOT NULL CHECK (entered >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE event_routing_cursors (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        processed_seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Events processed before this release are history: routing starts after them.
    await queryRunner.query(`
      INSERT INTO event_routing_cursors (workspace_id, processed_seq)
      SELECT workspace_id, max(processed_seq) FROM events WHERE processed_seq IS NOT NULL GROUP BY workspace_id`);
    await queryRunner.query(
      `CREATE INDEX campaigns_active_idx ON campaigns (workspace_id) WHERE state = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollments_active_contact_idx ON enrollments (workspace_id, contact_id) WHERE status = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX enrollments_active_contact_idx');
    await queryRunner.query('DROP INDEX campaigns_active_idx');
    await queryRunner.query('DROP TABLE event_routing_cursors');
    await queryRunner.query('DROP TABLE campaign_entry_counts');
  }
}
