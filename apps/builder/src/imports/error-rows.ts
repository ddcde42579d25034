import { parse } from 'csv-parse/browser/esm/sync';

export interface ErrorRow {
  row: number;
  column: string;
  reason: string;
}

/** The rows of an import's errors CSV (`row,column,reason`, with a byte order mark), at most `limit` of them. */
export function parseErrorRows(csv: string, limit: number): ErrorRow[] {
  const records = parse(csv, { bom: true, columns: true, skip_empty_lines: true, to: limit }) as Array<
    Record<string, string>
  >;
  return records.map((record) => ({
    row: Number(record['row']),
    column: record['column'] ?? '',
    reason: record['reason'] ?? '',
  }));
}
