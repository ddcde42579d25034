import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { problems, type FieldError } from '../http/problem';
import { type ContactReference, type IdentityKey, normalizeIdentity } from './contact-references';
import { MAX_CSV_ROWS } from './enrollment.schemas';

const COLUMNS: Record<string, IdentityKey | 'contactId'> = {
  phone: 'phone',
  email: 'email',
  externalid: 'externalId',
  external_id: 'externalId',
  contactid: 'contactId',
  contact_id: 'contactId',
  id: 'contactId',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The contacts a CSV names: a header row, then one contact per row in its one identity column (other columns are
 * ignored). 422 naming the column or each bad row (`csv.row.4`, counting the header as row 1).
 */
export function contactReferencesFromCsv(csv: string): ContactReference[] {
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw problems.field('body', 'csv', `is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  const identityColumns = (header ?? []).flatMap((name, index) => {
    const key = COLUMNS[name.toLowerCase()];
    return key ? [{ index, key }] : [];
  });
  if (identityColumns.length !== 1)
    throw problems.field(
      'body',
      'csv',
      'needs a header row with exactly one identity column: phone, email, externalId or contactId',
    );
  if (rows.length === 0) throw problems.field('body', 'csv', 'has no rows after the header');
  if (rows.length > MAX_CSV_ROWS) throw problems.field('body', 'csv', `has more than ${MAX_CSV_ROWS} rows`);
  const { index, key } = identityColumns[0]!;
  const errors: FieldError[] = [];
  const references: ContactReference[] = [];
  rows.forEach((row, position) => {
    const field = `csv.row.${position + 2}`;
    const value = row[index] ?? '';
    if (key === 'contactId') {
      if (UUID.test(value)) references.push({ contactId: value.toLowerCase() });
      else errors.push({ in: 'body', field, message: 'contactId is not a contact id' });
      return;
    }
    const result = normalizeIdentity(key, value, field);
    if ('error' in result) errors.push({ ...result.error, message: `${key} ${result.error.message}` });
    else references.push(result.ref);
  });
  if (errors.length > 0) throw problems.validation(errors);
  return references;
}
