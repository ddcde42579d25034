import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports of contacts (issue 8 §3): the uploaded file's shape, the chosen mapping, the job's progress and its
 * resume point (`committed_rows`, written in the same transaction as each batch), and the rows that failed.
 */
export class CreateImports1764500040000 implements MigrationInterface {
  name = 'CreateImports1764500040000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        file_name text NOT NULL CHECK (length(file_name) <= 255),
        size bigint NOT NULL CHECK (size >= 0),
        delimiter text NOT NULL CHECK (delimiter IN (',', ';', E'\\t', '|')),
        header jsonb NOT NULL,
        status text NOT NULL DEFAULT 'uploaded'
          CHECK (status IN ('uploaded', 'queued', 'running', 'completed', 'failed', 'cancelled')),
        mapping jsonb,
        mode text CHECK (mode IN ('create', 'update', 'both')),
        dry_run boolean NOT NULL DEFAULT false,
        identity_key text CHECK (identity_key IN ('phone', 'email', 'externalId')),
        rows_read integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        committed_rows integer NOT NULL DEFAULT 0,
        cancel_requested boolean NOT NULL DEFAULT false,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX imports_workspace_created_idx ON imports (workspace_id, created_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE import_errors (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_name text NOT NULL DEFAULT '',
        reason text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX import_errors_import_idx ON import_errors (import_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE import_errors');
    await queryRunner.query('DROP TABLE imports');
  }
}
