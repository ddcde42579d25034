import { parse } from 'csv-parse/sync';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_RECORDS = 50;

interface Candidate {
  delimiter: Delimiter;
  columns: number;
  /** Share of the sampled records whose column count equals the header's. */
  consistency: number;
}

/**
 * The delimiter among `,` `;` tab `|` that splits the first records of `sample` into the most consistent number
 * of columns (at least two), quoted fields taken into account by parsing each candidate with csv-parse. Ties go to
 * the candidate giving more columns, then to the order above; a file with one column is comma-separated.
 * `truncated` says the sample is the start of a longer file, so its last line may be cut.
 */
export function detectDelimiter({ sample, truncated }: { sample: string; truncated: boolean }): Delimiter {
  const text = truncated ? withoutPartialLastLine(sample) : sample;
  const candidates = DELIMITERS.map((delimiter) => measure(text, delimiter)).filter(
    (candidate): candidate is Candidate => candidate !== null && candidate.columns >= 2,
  );
  candidates.sort((a, b) => b.consistency - a.consistency || b.columns - a.columns);
  return candidates[0]?.delimiter ?? ',';
}

function measure(text: string, delimiter: Delimiter): Candidate | null {
  const records = parseLeniently(text, delimiter);
  const [header, ...rows] = records;
  if (!header) return null;
  const consistent = rows.filter((row) => row.length === header.length).length;
  return { delimiter, columns: header.length, consistency: rows.length === 0 ? 1 : consistent / rows.length };
}

/** The first records; a sample cut inside a quoted field loses its last, unfinished record rather than failing. */
function parseLeniently(text: string, delimiter: Delimiter): string[][] {
  const options = {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    to: SAMPLE_RECORDS,
  };
  try {
    return parse(text, options) as string[][];
  } catch {
    try {
      return parse(text, { ...options, skip_records_with_error: true }) as string[][];
    } catch {
      return [];
    }
  }
}

function withoutPartialLastLine(sample: string): string {
  const lastNewline = sample.lastIndexOf('\n');
  return lastNewline > 0 ? sample.slice(0, lastNewline + 1) : sample;
}
