import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event processing (issue 8 §4). `processed_seq` numbers events in the order their contact was resolved, without
 * gaps visible to readers (a workspace's events are processed under one lock), so the per-contact stream can be
 * read by cursor. `event_anonymous_ids` remembers which contact each Segment anonymousId belongs to.
 */
export class EventProcessingOrder1764500020000 implements MigrationInterface {
  name = 'EventProcessingOrder1764500020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE events_processed_seq AS bigint`);
    await queryRunner.query(`ALTER TABLE events ADD COLUMN processed_seq bigint`);
    await queryRunner.query(
      `CREATE INDEX events_processed_stream_idx ON events (workspace_id, processed_seq) WHERE processed_seq IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE event_anonymous_ids (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        anonymous_id text NOT NULL,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, anonymous_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX event_anonymous_ids_contact_idx ON event_anonymous_ids (contact_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_anonymous_ids');
    await queryRunner.query('DROP INDEX events_processed_stream_idx');
    await queryRunner.query('ALTER TABLE events DROP COLUMN processed_seq');
    await queryRunner.query('DROP SEQUENCE events_processed_seq');
  }
}
