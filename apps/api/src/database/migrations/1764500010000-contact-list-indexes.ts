import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the contact list's other sort orders (keyset pagination on (sort value, id)) and for following
 * merged contacts to their survivor.
 */
export class ContactListIndexes1764500010000 implements MigrationInterface {
  name = 'ContactListIndexes1764500010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX contacts_workspace_updated_idx ON contacts (workspace_id, updated_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX contacts_workspace_name_idx ON contacts (workspace_id, (coalesce(name, '')), id)`,
    );
    await queryRunner.query(
      `CREATE INDEX contacts_merged_into_idx ON contacts (merged_into) WHERE merged_into IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'contacts_merged_into_idx',
      'contacts_workspace_name_idx',
      'contacts_workspace_updated_idx',
    ])
      await queryRunner.query(`DROP INDEX ${index}`);
  }
}
