import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks and receipts (issue 9 §4). `webhook_receipts` keeps every verified provider call as it arrived (the
 * INSERT is the acknowledgement), then its processing state: `received` until the queue applies it, `waiting` while
 * the ledger row it names does not exist yet (`match_ids` are the ids it can be found by), `applied` or `ignored`.
 * `contact_identities.follower_changed_at` is the Zalo time of the follow or unfollow the follower state comes
 * from, so that an older event processed later does not undo a newer one.
 */
export class CreateWebhookReceipts1764640000000 implements MigrationInterface {
  name = 'CreateWebhookReceipts1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_receipts (
        id bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES channel_accounts (id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider IN ('zalo', 'esms', 'twilio')),
        dedupe_key text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'waiting', 'applied', 'ignored')),
        kind text,
        match_ids text[] NOT NULL DEFAULT '{}',
        detail text,
        attempts integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL DEFAULT now(),
        next_attempt_at timestamptz,
        processed_at timestamptz,
        UNIQUE (account_id, dedupe_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_receipts_open_idx ON webhook_receipts (received_at) WHERE status IN ('received', 'waiting')`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_receipts_waiting_idx ON webhook_receipts USING gin (match_ids) WHERE status = 'waiting'`,
    );
    await queryRunner.query(`ALTER TABLE contact_identities ADD COLUMN follower_changed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contact_identities DROP COLUMN follower_changed_at');
    await queryRunner.query('DROP TABLE webhook_receipts');
  }
}
