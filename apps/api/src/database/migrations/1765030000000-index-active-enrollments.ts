import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign's active journeys in id order: pause, resume and stop signal them page by page (keyset on id), and
 * a page must not scan the campaign's exited journeys.
 */
export class IndexActiveEnrollments1765030000000 implements MigrationInterface {
  name = 'IndexActiveEnrollments1765030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX enrollments_active_idx ON enrollments (workspace_id, campaign_id, id) WHERE status = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX enrollments_active_idx');
  }
}
