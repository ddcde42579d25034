import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GET /audit-log pages a workspace's entries newest first by id. */
export class IndexAuditLogById1765070001000 implements MigrationInterface {
  name = 'IndexAuditLogById1765070001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_log_workspace_id_idx ON audit_log (workspace_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_log_workspace_id_idx');
  }
}
