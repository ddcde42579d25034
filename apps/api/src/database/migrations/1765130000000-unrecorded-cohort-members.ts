import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cohort members that have recorded nothing yet, by cohort: what the orphaned-cohorts pass looks for (a cohort
 * whose workflow never started) without reading every active enrollment. A member leaves the index as soon as its
 * journey records, so it stays small.
 */
export class UnrecordedCohortMembers1765130000000 implements MigrationInterface {
  name = 'UnrecordedCohortMembers1765130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX enrollments_unrecorded_cohort_idx ON enrollments (cohort_workflow_id, entered_at)
         WHERE status = 'active' AND logged = 0 AND cohort_workflow_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX enrollments_unrecorded_cohort_idx');
  }
}
