import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sending (issue 9): the channel accounts messages leave from (settings in the clear, secrets sealed with the
 * encryption key named by `secrets_key_id`), and the ledger of every message, written before the provider is
 * called (`idempotency_key` is unique per workspace: a repeated send finds its row instead of sending twice).
 */
export class CreateChannelAccountsAndMessages1764600000000 implements MigrationInterface {
  name = 'CreateChannelAccountsAndMessages1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channel_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('zalo_oa', 'esms', 'speedsms', 'twilio', 'smtp')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        settings jsonb NOT NULL,
        secrets_ciphertext text,
        secrets_key_id text,
        secret_fields text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('connected', 'not_connected', 'needs_reconnect')),
        disabled boolean NOT NULL DEFAULT false,
        status_detail text,
        provider_name text,
        last_test_at timestamptz,
        last_test_ok boolean,
        last_test_detail text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name),
        CHECK ((secrets_ciphertext IS NULL) = (secrets_key_id IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
        channel text NOT NULL CHECK (channel IN ('zns', 'zalo_oa', 'sms', 'email')),
        purpose text NOT NULL CHECK (purpose IN ('marketing', 'transactional', 'otp')),
        account_id uuid NOT NULL REFERENCES channel_accounts (id) ON DELETE RESTRICT,
        contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
        campaign_id uuid,
        campaign_version integer,
        step_id text,
        recipient text,
        template_ref text,
        correlation_id text,
        provider_message_id text,
        status text NOT NULL
          CHECK (status IN ('sending', 'sent', 'delivered', 'seen', 'failed', 'blocked', 'deferred', 'unknown')),
        reason text,
        retry_at timestamptz,
        error_class text,
        error_code text,
        error_message text,
        cost numeric(14, 4),
        cost_currency text,
        billable_units integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        delivered_at timestamptz,
        seen_at timestamptz,
        failed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, idempotency_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX messages_workspace_created_idx ON messages (workspace_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_contact_channel_idx ON messages (workspace_id, contact_id, channel, created_at)
        WHERE contact_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_correlation_idx ON messages (account_id, correlation_id) WHERE correlation_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_provider_id_idx ON messages (account_id, provider_message_id)
        WHERE provider_message_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_sending_idx ON messages (created_at) WHERE status = 'sending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE messages');
    await queryRunner.query('DROP TABLE channel_accounts');
  }
}
