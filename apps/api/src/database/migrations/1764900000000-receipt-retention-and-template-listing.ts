import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `webhook_receipts_processed_idx` lets the receipt retention find applied and ignored receipts by age.
 * `channel_accounts.zns_templates_listed_at` is when (by PostgreSQL's clock) the template list of the newest full
 * ZNS template sync that completed was read from Zalo: a template read before it and absent since is not stored
 * again by an older sync still running.
 */
export class ReceiptRetentionAndTemplateListing1764900000000 implements MigrationInterface {
  name = 'ReceiptRetentionAndTemplateListing1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX webhook_receipts_processed_idx ON webhook_receipts (processed_at)
        WHERE status IN ('applied', 'ignored')`,
    );
    await queryRunner.query(`ALTER TABLE channel_accounts ADD COLUMN zns_templates_listed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE channel_accounts DROP COLUMN zns_templates_listed_at');
    await queryRunner.query('DROP INDEX webhook_receipts_processed_idx');
  }
}
