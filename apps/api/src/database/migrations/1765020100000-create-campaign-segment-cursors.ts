import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The segment trigger's cursor per campaign, in `segment_membership_changes`. */
export class CreateCampaignSegmentCursors1765020100000 implements MigrationInterface {
  name = 'CreateCampaignSegmentCursors1765020100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_segment_cursors (
        campaign_id uuid PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        segment_id uuid NOT NULL,
        change_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE campaign_segment_cursors');
  }
}
