import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import type { Delimiter } from './detect-delimiter';
import type { ColumnMapping, StartImport } from './import-mapping';
import { type ImportCounts, type ImportRecord, type ImportRow, toImportRecord } from './import-record';
import type { RowError } from './record-to-contact';

export interface NumberedRowError extends RowError {
  rowNumber: number;
}

/** Raw SQL on imports and import_errors; every read by id is scoped to a workspace. */
@Injectable()
export class ImportsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(input: {
    id: string;
    workspaceId: string;
    fileName: string;
    size: number;
    delimiter: Delimiter;
    header: string[];
    mapping: ColumnMapping[];
  }): Promise<ImportRecord> {
    const rows = (await this.dataSource.query(
      `INSERT INTO imports (id, workspace_id, file_name, size, delimiter, header, mapping)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        input.id,
        input.workspaceId,
        input.fileName,
        input.size,
        input.delimiter,
        JSON.stringify(input.header),
        JSON.stringify(input.mapping),
      ],
    )) as ImportRow[];
    return toImportRecord(rows[0]);
  }

  async find(
    workspaceId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    { lock = false } = {},
  ) {
    const lockClause = lock ? ' FOR UPDATE' : '';
    const rows = (await manager.query(
      `SELECT * FROM imports WHERE workspace_id = $1 AND id = $2${lockClause}`,
      [workspaceId, id],
    )) as ImportRow[];
    return rows[0] ? toImportRecord(rows[0]) : null;
  }

  async list(workspaceId: string, limit: number): Promise<ImportRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM imports WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [workspaceId, limit],
    )) as ImportRow[];
    return rows.map(toImportRecord);
  }

  /** Saves the confirmed mapping, clears the counts and errors of an earlier (dry) run and queues the import. */
  async queue(
    manager: EntityManager,
    { workspaceId, id, start }: { workspaceId: string; id: string; start: StartImport },
  ): Promise<ImportRecord> {
    await manager.query(`DELETE FROM import_errors WHERE import_id = $1`, [id]);
    const rows = await this.updateReturning(
      manager,
      `UPDATE imports SET status = 'queued', mapping = $3, mode = $4, dry_run = $5, identity_key = $6,
         rows_read = 0, created = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0, committed_rows = 0,
         cancel_requested = false, failure = NULL, started_at = NULL, finished_at = NULL, updated_at = now()
       WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [workspaceId, id, JSON.stringify(start.mapping), start.mode, start.dryRun, start.identityKey ?? null],
    );
    return toImportRecord(rows[0]);
  }

  /** Back to `uploaded` when the job could not be queued. */
  async unqueue(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE imports SET status = 'uploaded', updated_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /**
   * Asks a running import to stop at its next batch; one not yet running stops at once. Null when the import is
   * not in a state that can be cancelled.
   */
  async requestCancel(workspaceId: string, id: string): Promise<ImportRecord | null> {
    const rows = await this.updateReturning(
      this.dataSource.manager,
      `UPDATE imports SET cancel_requested = true,
         status = CASE WHEN status = 'running' THEN status ELSE 'cancelled' END,
         finished_at = CASE WHEN status = 'running' THEN NULL ELSE now() END,
         updated_at = now()
       WHERE workspace_id = $1 AND id = $2 AND status IN ('uploaded', 'queued', 'running') RETURNING *`,
      [workspaceId, id],
    );
    return rows[0] ? toImportRecord(rows[0]) : null;
  }

  /** Marks a queued (or, after a crash, still running) import as running; false when it is no longer due. */
  async markRunning(id: string): Promise<boolean> {
    const rows = await this.updateReturning(
      this.dataSource.manager,
      `UPDATE imports SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'running') AND NOT cancel_requested RETURNING *`,
      [id],
    );
    return rows.length > 0;
  }

  async finish(
    id: string,
    status: 'completed' | 'cancelled' | 'failed',
    failure: string | null = null,
    manager: EntityManager = this.dataSource.manager,
  ) {
    await manager.query(
      `UPDATE imports SET status = $2, failure = $3, finished_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, status, failure],
    );
  }

  /** Ends as cancelled a queued or running import asked to stop. */
  async finishIfCancelRequested(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'cancelled', finished_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'running') AND cancel_requested`,
      [id],
    );
  }

  /** Locks the import row for one batch: its resume point and whether it was asked to stop. */
  async lockForBatch(manager: EntityManager, id: string) {
    const rows = (await manager.query(
      `SELECT committed_rows, cancel_requested, status FROM imports WHERE id = $1 FOR UPDATE`,
      [id],
    )) as Array<{ committed_rows: number; cancel_requested: boolean; status: string }>;
    return rows[0] ?? null;
  }

  /** Records one batch's errors and counts, and moves the resume point past it (inside the batch's transaction). */
  async commitBatch(
    manager: EntityManager,
    { id, counts, errors }: { id: string; counts: ImportCounts; errors: NumberedRowError[] },
  ): Promise<void> {
    if (errors.length > 0)
      await manager.query(
        `INSERT INTO import_errors (import_id, row_number, column_name, reason)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
        [
          id,
          errors.map((error) => error.rowNumber),
          errors.map((error) => error.column),
          errors.map((error) => error.reason),
        ],
      );
    await manager.query(
      `UPDATE imports SET rows_read = rows_read + $2, created = created + $3, updated = updated + $4,
         unchanged = unchanged + $5, skipped = skipped + $6, failed = failed + $7,
         committed_rows = committed_rows + $2, updated_at = now()
       WHERE id = $1`,
      [id, counts.rowsRead, counts.created, counts.updated, counts.unchanged, counts.skipped, counts.failed],
    );
  }

  /** One page of an import's errors, in row order, after `afterId`. */
  async errorsPage(id: string, afterId: string, limit: number) {
    return (await this.dataSource.query(
      `SELECT id, row_number, column_name, reason FROM import_errors WHERE import_id = $1 AND id > $2
       ORDER BY id LIMIT $3`,
      [id, afterId, limit],
    )) as Array<{ id: string; row_number: number; column_name: string; reason: string }>;
  }

  private async updateReturning(
    manager: EntityManager,
    sql: string,
    params: unknown[],
  ): Promise<ImportRow[]> {
    return returnedRows<ImportRow>(await manager.query(sql, params));
  }
}
