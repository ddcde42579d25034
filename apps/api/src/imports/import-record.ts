import type { Delimiter } from './detect-delimiter';
import type { ColumnMapping, IdentityKey, ImportMode } from './import-mapping';

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportCounts {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

/** One import as the API shows it; `mapping` is the proposal until the import is started. */
export interface ImportRecord {
  id: string;
  workspaceId: string;
  fileName: string;
  size: number;
  delimiter: Delimiter;
  header: string[];
  status: ImportStatus;
  mapping: ColumnMapping[];
  mode: ImportMode | null;
  dryRun: boolean;
  identityKey: IdentityKey | null;
  progress: ImportCounts;
  /** Data rows whose batch has committed: where a restarted job resumes. */
  committedRows: number;
  cancelRequested: boolean;
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportRow {
  id: string;
  workspace_id: string;
  file_name: string;
  size: string | number;
  delimiter: Delimiter;
  header: string[];
  status: ImportStatus;
  mapping: ColumnMapping[];
  mode: ImportMode | null;
  dry_run: boolean;
  identity_key: IdentityKey | null;
  rows_read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  committed_rows: number;
  cancel_requested: boolean;
  failure: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

export function toImportRecord(row: ImportRow): ImportRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    fileName: row.file_name,
    size: Number(row.size),
    delimiter: row.delimiter,
    header: row.header,
    status: row.status,
    mapping: row.mapping,
    mode: row.mode,
    dryRun: row.dry_run,
    identityKey: row.identity_key,
    progress: {
      rowsRead: row.rows_read,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      skipped: row.skipped,
      failed: row.failed,
    },
    committedRows: row.committed_rows,
    cancelRequested: row.cancel_requested,
    failure: row.failure,
    createdAt: iso(row.created_at),
    startedAt: row.started_at === null ? null : iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
  };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
