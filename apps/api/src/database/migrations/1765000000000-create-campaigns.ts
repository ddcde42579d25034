import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns with their draft (saved under a revision), immutable published versions, the workspace's approval
 * setting, and the indexes the campaign audit trail and the "event names seen" lookup read.
 */
export class CreateCampaigns1765000000000 implements MigrationInterface {
  name = 'CreateCampaigns1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE workspaces ADD COLUMN approval_required boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        tags text[] NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'pending_approval', 'active', 'paused', 'stopped', 'archived')),
        -- json, not jsonb: the graph keeps its key order, so an exported file reads as it was written
        draft_graph json NOT NULL,
        draft_revision integer NOT NULL DEFAULT 1,
        draft_saved_by jsonb NOT NULL,
        draft_saved_at timestamptz NOT NULL DEFAULT now(),
        approval jsonb,
        current_version_id uuid,
        created_by jsonb NOT NULL,
        -- milliseconds, as list cursors carry it
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_by jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX campaigns_workspace_idx ON campaigns (workspace_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE campaign_versions (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        graph json NOT NULL,
        plan jsonb NOT NULL,
        hash text NOT NULL,
        published_by jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (campaign_id, version),
        UNIQUE (campaign_id, hash)
      )`);
    await queryRunner.query(`
      ALTER TABLE campaigns ADD CONSTRAINT campaigns_current_version_fk
        FOREIGN KEY (current_version_id) REFERENCES campaign_versions (id)`);
    await queryRunner.query(`
      CREATE FUNCTION campaign_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'campaign versions are immutable (version %)', OLD.id;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER campaign_versions_no_update BEFORE UPDATE ON campaign_versions
        FOR EACH ROW EXECUTE FUNCTION campaign_versions_immutable()`);
    await queryRunner.query(
      `CREATE INDEX audit_log_target_idx ON audit_log (workspace_id, target_kind, target_id, at)`,
    );
    await queryRunner.query(
      `CREATE INDEX events_workspace_name_idx ON events (workspace_id, name) WHERE type = 'track'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX events_workspace_name_idx`);
    await queryRunner.query(`DROP INDEX audit_log_target_idx`);
    await queryRunner.query(`ALTER TABLE campaigns DROP CONSTRAINT campaigns_current_version_fk`);
    await queryRunner.query(`DROP TABLE campaign_versions`);
    await queryRunner.query(`DROP FUNCTION campaign_versions_immutable()`);
    await queryRunner.query(`DROP TABLE campaigns`);
    await queryRunner.query(`ALTER TABLE workspaces DROP COLUMN approval_required`);
  }
}
