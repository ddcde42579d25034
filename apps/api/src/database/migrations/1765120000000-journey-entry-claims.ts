import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A journey entered on its own claims its workflow id here before its Temporal start and drops the claim once its
 * enrollment row is written; a cohort reserving the same contact skips a live claim (enrollment/entry-lock.ts).
 * A claim left by a crash expires.
 */
export class JourneyEntryClaims1765120000000 implements MigrationInterface {
  name = 'JourneyEntryClaims1765120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journey_entry_claims (
        workflow_id text PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE journey_entry_claims');
  }
}
