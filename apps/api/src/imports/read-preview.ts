import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { problems } from '../http/problem';
import type { Delimiter } from './detect-delimiter';

export const SAMPLE_ROWS = 10;

export interface CsvPreview {
  header: string[];
  sampleRows: string[][];
}

/**
 * The header and the first data rows of a stored CSV file, read as a stream (only as far as needed). A header that
 * is missing, has an empty or repeated name, or a file that is not CSV at all answers 422 naming `file`.
 */
export async function readPreview(path: string, delimiter: Delimiter): Promise<CsvPreview> {
  const records: string[][] = [];
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, to: SAMPLE_ROWS + 1 }),
  );
  try {
    for await (const record of parser) records.push(record as string[]);
  } catch (error) {
    if (error instanceof CsvError) throw problems.field('file', 'file', `is not valid CSV: ${error.message}`);
    throw error;
  }
  const [rawHeader, ...sampleRows] = records;
  if (!rawHeader) throw problems.field('file', 'file', 'has no header row');
  const header = rawHeader.map((name) => name.trim());
  const unnamed = header.findIndex((name) => name === '');
  if (unnamed >= 0) throw problems.field('file', 'file', `column ${unnamed + 1} of the header has no name`);
  const withNul = header.findIndex((name) => name.includes('\u0000'));
  if (withNul >= 0)
    throw problems.field('file', 'file', `column ${withNul + 1} of the header holds a NUL character`);
  const repeated = header.find((name, index) => header.indexOf(name) !== index);
  if (repeated !== undefined) throw problems.field('file', 'file', `the header names "${repeated}" twice`);
  return { header, sampleRows };
}
