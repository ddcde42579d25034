import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The send service's extras (issue 9 §3): a send-rate limit per channel account (messages per second; empty = the
 * provider's published default), the request a `sending` row was made from (kept only until its outcome, so a crash
 * can be resolved by resending OTP and transactional messages), how such a row was resolved (counted), and the
 * one-click unsubscribe tokens (opaque, one per contact, never derived from the address).
 */
export class SendLedgerExtras1764630000000 implements MigrationInterface {
  name = 'SendLedgerExtras1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE channel_accounts ADD COLUMN send_rate_per_second numeric(10, 3)
         CHECK (send_rate_per_second > 0 AND send_rate_per_second <= 10000)`,
    );
    await queryRunner.query(`ALTER TABLE messages ADD COLUMN request jsonb`);
    await queryRunner.query(
      `ALTER TABLE messages ADD COLUMN recovery text CHECK (recovery IN ('resent', 'not_resent'))`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_recovery_idx ON messages (workspace_id, recovery) WHERE recovery IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE unsubscribe_tokens (
        token text PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        UNIQUE (workspace_id, contact_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE unsubscribe_tokens');
    await queryRunner.query('ALTER TABLE messages DROP COLUMN recovery, DROP COLUMN request');
    await queryRunner.query('ALTER TABLE channel_accounts DROP COLUMN send_rate_per_second');
  }
}
