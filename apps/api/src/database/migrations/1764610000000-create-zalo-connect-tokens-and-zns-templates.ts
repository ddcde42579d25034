import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zalo OA connection (issue 9 §1, §2): the pending OAuth consents (single-use `state`, stored as its SHA-256, bound
 * to the admin's session, with the sealed PKCE verifier), each OA's token pair (sealed; the refresh token's SHA-256
 * beside it so that compare-and-set needs no decryption), and the ZNS templates synced from each OA.
 */
export class CreateZaloConnectTokensAndZnsTemplates1764610000000 implements MigrationInterface {
  name = 'CreateZaloConnectTokensAndZnsTemplates1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE zalo_oauth_states (
        state_sha256 text PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES channel_accounts (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        verifier_ciphertext text NOT NULL,
        verifier_key_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX zalo_oauth_states_expires_at ON zalo_oauth_states (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE zalo_oa_tokens (
        account_id uuid PRIMARY KEY REFERENCES channel_accounts (id) ON DELETE CASCADE,
        tokens_ciphertext text NOT NULL,
        tokens_key_id text NOT NULL,
        refresh_token_sha256 text NOT NULL,
        issued_at timestamptz NOT NULL,
        access_token_expires_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE zns_templates (
        account_id uuid NOT NULL REFERENCES channel_accounts (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        template_id text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        quality text,
        tag text,
        price numeric(14, 4),
        params jsonb NOT NULL DEFAULT '[]',
        detail jsonb NOT NULL,
        synced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, template_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX zns_templates_workspace ON zns_templates (workspace_id, account_id)`,
    );
    await queryRunner.query(`
      ALTER TABLE channel_accounts
        ADD COLUMN zns_templates_synced_at timestamptz,
        ADD COLUMN zns_templates_sync_error text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE channel_accounts DROP COLUMN zns_templates_synced_at, DROP COLUMN zns_templates_sync_error`,
    );
    await queryRunner.query(`DROP TABLE zns_templates`);
    await queryRunner.query(`DROP TABLE zalo_oa_tokens`);
    await queryRunner.query(`DROP TABLE zalo_oauth_states`);
  }
}
