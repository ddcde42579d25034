import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cohort execution (DESIGN §6): a broadcast whose audience reaches the workspace's threshold runs as cohorts. A
 * cohort member's enrollment names the cohortJourney workflow that runs it; one contact is in at most one running
 * cohort of a campaign (the members' enrollments are written before their cohort starts, so this index is what makes
 * a second reservation of the same contact a no-op).
 */
export class CohortExecution1765100000000 implements MigrationInterface {
  name = 'CohortExecution1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enrollments ADD COLUMN cohort_workflow_id text');
    await queryRunner.query(
      `CREATE UNIQUE INDEX enrollments_active_cohort_member_idx ON enrollments (workflow_id)
        WHERE status = 'active' AND cohort_workflow_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE workspaces
         ADD COLUMN cohort_threshold integer NOT NULL DEFAULT 1000 CHECK (cohort_threshold >= 1),
         ADD COLUMN cohort_size integer NOT NULL DEFAULT 500 CHECK (cohort_size BETWEEN 1 AND 2000)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE workspaces DROP COLUMN cohort_threshold, DROP COLUMN cohort_size');
    await queryRunner.query('DROP INDEX enrollments_active_cohort_member_idx');
    await queryRunner.query('ALTER TABLE enrollments DROP COLUMN cohort_workflow_id');
  }
}
