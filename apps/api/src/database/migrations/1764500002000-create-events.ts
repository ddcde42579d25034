import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingested events (issue 8 §4). A row is written before the API acknowledges the event, so an acknowledged event
 * survives a crash of the API or Redis; `processed_at` stays empty until the ingestion job has resolved its contact.
 * `seq` orders each contact's stream.
 */
export class CreateEvents1764500002000 implements MigrationInterface {
  name = 'CreateEvents1764500002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        message_id text NOT NULL CHECK (length(message_id) BETWEEN 1 AND 100),
        type text NOT NULL CHECK (type IN ('track', 'identify')),
        name text,
        user_id text,
        anonymous_id text,
        contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
        properties jsonb NOT NULL DEFAULT '{}',
        traits jsonb NOT NULL DEFAULT '{}',
        context jsonb NOT NULL DEFAULT '{}',
        timestamp timestamptz NOT NULL,
        original_timestamp timestamptz,
        sent_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        UNIQUE (workspace_id, message_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX events_contact_stream_idx ON events (workspace_id, contact_id, seq) WHERE contact_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX events_contact_name_time_idx ON events (workspace_id, contact_id, name, timestamp) WHERE type = 'track'`,
    );
    await queryRunner.query(`CREATE INDEX events_unprocessed_idx ON events (seq) WHERE processed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE events');
  }
}
