import {
  coerceAttributeCell,
  coerceBoolean,
  coerceEmail,
  coercePhone,
  coerceTags,
  type Coerced,
} from './coerce-cell';
import type { IdentityKey } from './import-mapping';
import type { ImportPlan, PlannedColumn } from './resolve-mapping';

/** What one record asks of the contact store: the key that finds the contact and the values it writes. */
export interface ContactRow {
  match: Partial<Record<IdentityKey, string>>;
  write: {
    name?: string;
    phone?: string;
    email?: string;
    externalId?: string;
    attributes?: Record<string, string | number | boolean>;
    tags?: { add: string[] };
    doNotContact?: boolean;
  };
}

/** One bad cell (or, with an empty column, a bad record), as the error CSV shows it. */
export interface RowError {
  column: string;
  reason: string;
}

export type ConvertedRecord = { ok: true; row: ContactRow } | { ok: false; errors: RowError[] };

export interface RecordContext {
  plan: ImportPlan;
  headerLength: number;
  /** The workspace's time zone, for date-times written without an offset. */
  timezone: string;
  /** Allowed values of each enum attribute, by key. */
  enumValues: ReadonlyMap<string, readonly string[]>;
}

/**
 * Turns one CSV record into a contact write, checking every mapped cell; an empty cell writes nothing. A record
 * with a column count other than the header's, or without its identity value, is an error as a whole.
 */
export function recordToContact(record: readonly string[], context: RecordContext): ConvertedRecord {
  const { plan } = context;
  if (record.length !== context.headerLength)
    return {
      ok: false,
      errors: [
        { column: '', reason: `has ${record.length} columns where the header has ${context.headerLength}` },
      ],
    };
  const identityValue = record[plan.identity.index].trim();
  if (identityValue === '')
    return {
      ok: false,
      errors: [{ column: plan.identity.name, reason: `is empty; it identifies the contact` }],
    };

  const row: ContactRow = { match: {}, write: {} };
  const errors: RowError[] = [];
  for (const column of plan.columns) {
    const text = record[column.index].trim();
    if (text === '') continue;
    const failure = text.includes('\u0000')
      ? 'contains a NUL character'
      : writeCell(row, column, text, context);
    if (failure) errors.push({ column: column.name, reason: failure });
  }
  if (errors.length > 0) return { ok: false, errors };
  const key = plan.identity.key;
  row.match[key] = row.write[key];
  return { ok: true, row };
}

/** Writes one cell into `row`; the reason when the cell is not valid. */
function writeCell(
  row: ContactRow,
  column: PlannedColumn,
  text: string,
  context: RecordContext,
): string | undefined {
  const target = column.target;
  switch (target.kind) {
    case 'identity':
      return setField(row, target.key, text);
    case 'field':
      return setField(row, target.field, text);
    case 'attribute': {
      const coerced = coerceAttributeCell(text, {
        type: target.type,
        dateFormat: target.dateFormat,
        enumValues: context.enumValues.get(target.key) ?? target.enumValues,
        timezone: context.timezone,
      });
      if (!coerced.ok) return coerced.reason;
      row.write.attributes = { ...row.write.attributes, [target.key]: coerced.value };
      return undefined;
    }
  }
}

function setField(row: ContactRow, field: IdentityKey | 'name' | 'tags' | 'doNotContact', text: string) {
  switch (field) {
    case 'name':
      if (text.length > 200) return 'is longer than 200 characters';
      row.write.name = text;
      return undefined;
    case 'externalId':
      if (text.length > 200) return 'is longer than 200 characters';
      row.write.externalId = text;
      return undefined;
    case 'phone':
      return assign(coercePhone(text), (phone) => (row.write.phone = phone));
    case 'email':
      return assign(coerceEmail(text), (email) => (row.write.email = email));
    case 'tags':
      return assign(coerceTags(text), (tags) => (row.write.tags = { add: tags }));
    case 'doNotContact':
      return assign(coerceBoolean(text), (flag) => (row.write.doNotContact = flag));
  }
}

function assign<T>(coerced: Coerced<T>, set: (value: T) => void): string | undefined {
  if (!coerced.ok) return coerced.reason;
  set(coerced.value);
  return undefined;
}
