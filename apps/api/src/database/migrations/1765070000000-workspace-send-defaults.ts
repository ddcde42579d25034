import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A workspace's quiet hours and frequency caps, which new campaigns start with (PATCH /workspace). */
export class WorkspaceSendDefaults1765070000000 implements MigrationInterface {
  name = 'WorkspaceSendDefaults1765070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE workspaces ADD COLUMN quiet_hours jsonb, ADD COLUMN frequency_caps jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE workspaces DROP COLUMN quiet_hours, DROP COLUMN frequency_caps');
  }
}
