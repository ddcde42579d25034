import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign reports (issue 12 §3) aggregate a campaign's journeys and ledger rows: these covering indexes let the
 * GROUP BY queries read them by campaign (and entry or creation time) in index-only scans, without the heap.
 */
export class ReportIndexes1765070000000 implements MigrationInterface {
  name = 'ReportIndexes1765070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of REPORT_INDEXES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX messages_campaign_report_idx');
    await queryRunner.query('DROP INDEX enrollments_report_idx');
  }
}

export const REPORT_INDEXES = [
  `CREATE INDEX enrollments_report_idx ON enrollments (workspace_id, campaign_id, entered_at)
     INCLUDE (id, version_id, status, exit_reason, converted, current_step)`,
  `CREATE INDEX messages_campaign_report_idx ON messages (workspace_id, campaign_id, created_at)
     INCLUDE (campaign_version, channel, account_id, status, sent_at, step_id, error_code, cost, cost_currency)
     WHERE campaign_id IS NOT NULL`,
];
