import type { ContactImport } from './import-queries';

/**
 * How far a run is, in percent of the rows its dry run read (the API reports rows read, not the file's row count);
 * a finished run is at 100. Undefined when the total is not known.
 */
export function runPercent(
  run: Pick<ContactImport, 'status' | 'progress'>,
  totalRows: number | undefined,
): number | undefined {
  if (run.status === 'completed') return 100;
  if (!totalRows) return undefined;
  return Math.min(100, Math.floor((run.progress.rowsRead / totalRows) * 100));
}

/** Which wizard step an import is at. */
export type WizardStep = 'upload' | 'mapping' | 'dryRun' | 'run' | 'summary';

export function stepOf(
  current: Pick<ContactImport, 'status' | 'dryRun'> | undefined,
  editing: boolean,
): WizardStep {
  if (!current) return 'upload';
  if (editing || current.status === 'uploaded') return 'mapping';
  if (current.dryRun) return 'dryRun';
  return current.status === 'queued' || current.status === 'running' ? 'run' : 'summary';
}
