import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates kept in Loa (issue 9 §2): e-mail templates and SMS texts, Liquid rendered by the engine's
 * personalisation; `version` grows with every change of content. `sms_prices` is the per-segment price of an SMS
 * account, used for cost estimates and the cost recorded on the ledger (one row per account; none means the
 * indicative default of the account's kind).
 */
export class CreateTemplates1764620000000 implements MigrationInterface {
  name = 'CreateTemplates1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE email_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        subject text NOT NULL,
        preheader text,
        html text NOT NULL,
        text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE sms_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        text text NOT NULL,
        advertising boolean NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE sms_prices (
        account_id uuid PRIMARY KEY REFERENCES channel_accounts (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        per_segment numeric(14, 4) NOT NULL CHECK (per_segment >= 0),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sms_prices');
    await queryRunner.query('DROP TABLE sms_templates');
    await queryRunner.query('DROP TABLE email_templates');
  }
}
