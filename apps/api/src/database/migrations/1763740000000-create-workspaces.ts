import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every row in Loa belongs to a workspace (DESIGN §8); this is the root of that tree. */
export class CreateWorkspaces1763740000000 implements MigrationInterface {
  name = 'CreateWorkspaces1763740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        timezone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE workspaces');
  }
}
