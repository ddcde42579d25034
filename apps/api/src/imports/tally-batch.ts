import type { FieldError } from '../http/problem';
import type { UpsertManyRow } from '../contacts/contacts.service';
import type { ImportCounts } from './import-record';
import type { NumberedRowError } from './imports.store';
import type { ContactRow, ConvertedRecord } from './record-to-contact';
import type { ImportPlan } from './resolve-mapping';

export interface TallyInput {
  plan: ImportPlan;
  /** Every record of the batch, in file order. */
  converted: Array<{ rowNumber: number; converted: ConvertedRecord }>;
  /** The records that converted, in the order they were upserted. */
  valid: Array<{ rowNumber: number; row: ContactRow }>;
  /** The contact store's answer for each of `valid`. */
  results: UpsertManyRow[];
}

/** A batch's counts and error rows (in row order) from its conversion failures and the contact store's answers. */
export function tallyBatch({ plan, converted, valid, results }: TallyInput): {
  counts: ImportCounts;
  errors: NumberedRowError[];
} {
  const counts: ImportCounts = {
    rowsRead: converted.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
  };
  const errors: NumberedRowError[] = [];
  for (const { rowNumber, converted: record } of converted) {
    if (record.ok) continue;
    counts.failed += 1;
    for (const error of record.errors) errors.push({ rowNumber, ...error });
  }
  results.forEach((result, index) => {
    const rowNumber = valid[index].rowNumber;
    if (!result.ok) {
      counts.failed += 1;
      const fieldErrors =
        result.errors.length > 0
          ? result.errors
          : [{ in: 'body', field: '', message: result.detail } as FieldError];
      for (const error of fieldErrors)
        errors.push({ rowNumber, column: columnOf(plan, error.field), reason: error.message });
      return;
    }
    switch (result.result.outcome) {
      case 'created':
        counts.created += 1;
        return;
      case 'updated':
      case 'merged':
        counts.updated += 1;
        return;
      case 'unchanged':
        counts.unchanged += 1;
        return;
      case 'skipped':
        counts.skipped += 1;
        return;
    }
  });
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  return { counts, errors };
}

/** The CSV column behind a contact store field error (`phone`, `match.email`, `attributes.city`), or ''. */
function columnOf(plan: ImportPlan, field: string): string {
  const name = field.replace(/^(match|write)\./, '');
  const column = plan.columns.find(({ target }) => {
    switch (target.kind) {
      case 'identity':
        return name === target.key;
      case 'field':
        return name === target.field || name.startsWith(`${target.field}.`);
      case 'attribute':
        return name === `attributes.${target.key}`;
    }
  });
  return column?.name ?? '';
}
