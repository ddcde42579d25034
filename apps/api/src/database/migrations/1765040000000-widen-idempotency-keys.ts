import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journeys' idempotency keys (`{workflowId}:{enrollmentId}:{stepId}:{visit}`: a workflow id of up to 210 characters,
 * a run id of 36, a step id of up to 64) can be longer than 300 characters: the ledger and the contact updates admit
 * 512.
 */
export class WidenIdempotencyKeys1765040000000 implements MigrationInterface {
  name = 'WidenIdempotencyKeys1765040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['messages', 'journey_contact_updates'])
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_idempotency_key_check,
           ADD CONSTRAINT ${table}_idempotency_key_check CHECK (length(idempotency_key) BETWEEN 1 AND 512)`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['messages', 'journey_contact_updates'])
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_idempotency_key_check,
           ADD CONSTRAINT ${table}_idempotency_key_check CHECK (length(idempotency_key) BETWEEN 1 AND 300)`,
      );
  }
}
