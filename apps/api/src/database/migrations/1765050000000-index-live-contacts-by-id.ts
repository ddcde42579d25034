import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workspace's live contacts in id order: a campaign run pages its audience (all contacts, a tag, a date
 * attribute) by keyset on id, and a page must not scan other workspaces' contacts.
 */
export class IndexLiveContactsById1765050000000 implements MigrationInterface {
  name = 'IndexLiveContactsById1765050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX contacts_live_id_idx ON contacts (workspace_id, id) WHERE erased_at IS NULL AND merged_into IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX contacts_live_id_idx');
  }
}
