import { DateTime } from 'luxon';
import type { AttributeDefinition } from './attribute-definition';

export type CoercedAttribute = { ok: true; value: unknown } | { ok: false; message: string };

/** Largest JSON size of one attribute value without a definition. */
export const MAX_UNTYPED_ATTRIBUTE_BYTES = 4096;
const MAX_STRING_LENGTH = 2000;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'có']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'không']);
/** Day-first dates as written in Vietnam (31/12/2024, 31-12-2024). */
const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** `2024-05-01 10:00` as spreadsheets write it, read as ISO. */
const SPACE_BEFORE_TIME = /^(\d{4}-\d{2}-\d{2}) (?=\d)/;

/**
 * Checks one attribute value against its definition and returns it in its stored form: numbers as JSON numbers,
 * booleans as JSON booleans, dates as `YYYY-MM-DD`, datetimes as ISO UTC, enum values as declared. A datetime
 * without an offset is read in `timezone` (the workspace's). Values without a definition are stored as given,
 * within a size bound.
 */
export function coerceAttribute(
  value: unknown,
  definition: AttributeDefinition | undefined,
  timezone: string,
): CoercedAttribute {
  if (!definition) return untyped(value);
  switch (definition.type) {
    case 'string':
      return toText(value);
    case 'number':
      return toNumber(value);
    case 'boolean':
      return toBoolean(value);
    case 'date':
      return toDate(value, timezone);
    case 'datetime':
      return toDateTime(value, timezone);
    case 'enum':
      return toEnum(value, definition.enumValues ?? []);
  }
}

function untyped(value: unknown): CoercedAttribute {
  const json = JSON.stringify(value);
  if (json === undefined) return { ok: false, message: 'must be a JSON value' };
  if (Buffer.byteLength(json) > MAX_UNTYPED_ATTRIBUTE_BYTES)
    return { ok: false, message: `must be at most ${MAX_UNTYPED_ATTRIBUTE_BYTES} bytes of JSON` };
  return { ok: true, value: JSON.parse(json) as unknown };
}

function toText(value: unknown): CoercedAttribute {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  if (typeof value === 'boolean') return { ok: true, value: String(value) };
  if (typeof value !== 'string') return { ok: false, message: 'must be a string' };
  if (value.length > MAX_STRING_LENGTH)
    return { ok: false, message: `must be at most ${MAX_STRING_LENGTH} characters` };
  return { ok: true, value };
}

function toNumber(value: unknown): CoercedAttribute {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    if (Number.isFinite(parsed)) return { ok: true, value: parsed };
  }
  return { ok: false, message: 'must be a number' };
}

function toBoolean(value: unknown): CoercedAttribute {
  if (typeof value === 'boolean') return { ok: true, value };
  const word =
    typeof value === 'number' || typeof value === 'string' ? String(value).trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, message: 'must be a boolean (true/false, 1/0, yes/no)' };
}

function toDate(value: unknown, timezone: string): CoercedAttribute {
  const parsed = parseInstant(value, timezone);
  if (!parsed) return { ok: false, message: 'must be a date (YYYY-MM-DD or DD/MM/YYYY)' };
  return { ok: true, value: parsed.toISODate() };
}

function toDateTime(value: unknown, timezone: string): CoercedAttribute {
  const parsed = parseInstant(value, timezone);
  if (!parsed) return { ok: false, message: 'must be an ISO 8601 date-time' };
  return { ok: true, value: parsed.toUTC().toISO() };
}

/** ISO dates and date-times (an offset, if given, is kept), or a day-first date; null when neither. */
function parseInstant(value: unknown, timezone: string): DateTime | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dayFirst = DAY_FIRST_DATE.exec(text);
  const parsed = dayFirst
    ? DateTime.fromObject(
        { day: Number(dayFirst[1]), month: Number(dayFirst[2]), year: Number(dayFirst[3]) },
        { zone: timezone },
      )
    : DateTime.fromISO(text.replace(SPACE_BEFORE_TIME, '$1T'), { zone: timezone, setZone: true });
  return parsed.isValid ? parsed : null;
}

function toEnum(value: unknown, allowed: readonly string[]): CoercedAttribute {
  if (typeof value === 'string') {
    const wanted = value.trim();
    const exact = allowed.find((option) => option === wanted);
    if (exact !== undefined) return { ok: true, value: exact };
    const folded = allowed.find((option) => option.toLowerCase() === wanted.toLowerCase());
    if (folded !== undefined) return { ok: true, value: folded };
  }
  return { ok: false, message: `must be one of: ${allowed.join(', ')}` };
}
