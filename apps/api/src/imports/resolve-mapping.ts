import type { FieldError } from '../http/problem';
import type { ColumnMapping, IdentityKey, MappingTarget, StartImport } from './import-mapping';

export type WritingTarget = Exclude<MappingTarget, { kind: 'skip' }>;

/** One mapped column: where it sits in each record and what it writes. */
export interface PlannedColumn {
  index: number;
  name: string;
  target: WritingTarget;
}

/** A mapping checked against the file's header, ready to turn records into contact writes. */
export interface ImportPlan {
  identity: { key: IdentityKey; index: number; name: string };
  columns: PlannedColumn[];
}

export type ResolvedMapping = { ok: true; plan: ImportPlan } | { ok: false; errors: FieldError[] };

/**
 * Checks a mapping against the file's header: every mapped column exists and is mapped once, every target is
 * written by one column, and exactly one column identifies the contact (an `identity` entry, or the field that
 * `identityKey` names). Columns left out of the mapping are skipped.
 */
export function resolveMapping(
  header: readonly string[],
  { mapping, identityKey }: Pick<StartImport, 'mapping' | 'identityKey'>,
): ResolvedMapping {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ in: 'body', field, message });
  const seenColumns = new Set<string>();
  const seenTargets = new Map<string, string>();
  const columns: PlannedColumn[] = [];

  mapping.forEach((entry: ColumnMapping, position) => {
    const index = header.indexOf(entry.column);
    if (index < 0) return fail(`mapping.${position}.column`, `"${entry.column}" is not a column of the file`);
    if (seenColumns.has(entry.column))
      return fail(`mapping.${position}.column`, `"${entry.column}" is mapped twice`);
    seenColumns.add(entry.column);
    const target = entry.target;
    if (target.kind === 'skip') return;
    const written = writtenName(target);
    const earlier = seenTargets.get(written);
    if (earlier !== undefined)
      return fail(`mapping.${position}.target`, `${written} is already mapped from column "${earlier}"`);
    seenTargets.set(written, entry.column);
    if (
      target.kind === 'attribute' &&
      target.dateFormat &&
      target.type !== 'date' &&
      target.type !== 'datetime'
    )
      return fail(`mapping.${position}.target.dateFormat`, 'applies only to date and datetime attributes');
    columns.push({ index, name: entry.column, target });
  });

  const identity = findIdentity(columns, identityKey, fail);
  if (errors.length > 0 || !identity) return { ok: false, errors };
  return { ok: true, plan: { identity, columns } };
}

/** The contact property a target writes; two columns may not write the same one. */
function writtenName(target: WritingTarget): string {
  switch (target.kind) {
    case 'identity':
      return target.key;
    case 'field':
      return target.field;
    case 'attribute':
      return `attribute ${target.key}`;
  }
}

function findIdentity(
  columns: PlannedColumn[],
  identityKey: IdentityKey | undefined,
  fail: (field: string, message: string) => void,
): ImportPlan['identity'] | undefined {
  const declared = columns.filter((column) => column.target.kind === 'identity');
  if (declared.length > 1) {
    fail('mapping', 'map only one column to an identity');
    return undefined;
  }
  const [column] = declared;
  if (column && column.target.kind === 'identity') {
    if (identityKey && identityKey !== column.target.key) {
      fail('identityKey', `differs from the identity column "${column.name}" (${column.target.key})`);
      return undefined;
    }
    return { key: column.target.key, index: column.index, name: column.name };
  }
  if (!identityKey) {
    fail('mapping', 'map one column to an identity (phone, email or externalId), or name one in identityKey');
    return undefined;
  }
  const field = columns.find((entry) => entry.target.kind === 'field' && entry.target.field === identityKey);
  if (!field) {
    fail('identityKey', `no column is mapped to ${identityKey}`);
    return undefined;
  }
  return { key: identityKey, index: field.index, name: field.name };
}
