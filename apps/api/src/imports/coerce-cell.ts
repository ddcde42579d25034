import { normalizeVietnamesePhone } from '@loa/connectors';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DateFormat, ImportAttributeType } from './import-mapping';

export type Coerced<T> = { ok: true; value: T } | { ok: false; reason: string };

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'x', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'không', 'khong']);
const emailSchema = z.email();

export function coercePhone(text: string): Coerced<string> {
  const normalized = normalizeVietnamesePhone(text);
  if (normalized.ok) return { ok: true, value: normalized.phone };
  return {
    ok: false,
    reason:
      normalized.reason === 'not_mobile'
        ? 'is not a mobile number'
        : 'is not a valid Vietnamese phone number',
  };
}

export function coerceEmail(text: string): Coerced<string> {
  const email = text.trim();
  if (email.length > 254 || !emailSchema.safeParse(email).success)
    return { ok: false, reason: 'is not a valid e-mail address' };
  return { ok: true, value: email };
}

export function coerceBoolean(text: string): Coerced<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, reason: 'must be yes/no, true/false or 1/0' };
}

/** Tags in one cell, separated by commas, semicolons or vertical bars. */
export function coerceTags(text: string): Coerced<string[]> {
  const tags = [
    ...new Set(
      text
        .split(/[,;|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  const tooLong = tags.find((tag) => tag.length > 64);
  if (tooLong) return { ok: false, reason: `tag "${tooLong.slice(0, 20)}…" is longer than 64 characters` };
  return { ok: true, value: tags };
}

/**
 * An attribute cell in its stored form: numbers as numbers (a decimal comma is accepted), booleans as booleans,
 * dates as `yyyy-MM-dd`, date-times as ISO UTC (read in `timezone` when the cell has no offset), enum values as
 * declared, strings as written.
 */
export function coerceAttributeCell(
  text: string,
  { type, dateFormat, enumValues, timezone }: AttributeCellRule,
): Coerced<string | number | boolean> {
  switch (type) {
    case 'string':
      return text.length > 2000
        ? { ok: false, reason: 'is longer than 2000 characters' }
        : { ok: true, value: text };
    case 'number':
      return coerceNumber(text);
    case 'boolean':
      return coerceBoolean(text);
    case 'date': {
      const parsed = parseDate(text, dateFormat, timezone);
      return parsed
        ? { ok: true, value: parsed.toFormat('yyyy-MM-dd') }
        : { ok: false, reason: expected(dateFormat) };
    }
    case 'datetime': {
      const parsed = parseDate(text, dateFormat, timezone);
      return parsed
        ? { ok: true, value: parsed.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'") }
        : { ok: false, reason: expected(dateFormat) };
    }
    case 'enum': {
      const wanted = text.trim().toLowerCase();
      const value = enumValues?.find((option) => option.toLowerCase() === wanted);
      return value !== undefined
        ? { ok: true, value }
        : { ok: false, reason: `must be one of: ${enumValues?.join(', ')}` };
    }
  }
}

export interface AttributeCellRule {
  type: ImportAttributeType;
  dateFormat?: DateFormat;
  enumValues?: readonly string[] | null;
  timezone: string;
}

function coerceNumber(text: string): Coerced<number> {
  const compact = text.trim().replace(/\s/g, '');
  const normalized = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  const value = Number(normalized);
  if (normalized === '' || !Number.isFinite(value)) return { ok: false, reason: 'must be a number' };
  return { ok: true, value };
}

function parseDate(text: string, format: DateFormat | undefined, timezone: string): DateTime | null {
  const value = text.trim();
  const options = { zone: timezone, setZone: true };
  if (format && format !== 'iso') {
    for (const candidate of [format, unpadded(format)]) {
      const parsed = DateTime.fromFormat(value, candidate, options);
      if (parsed.isValid) return parsed;
    }
    return null;
  }
  const parsed = DateTime.fromISO(value, options);
  return parsed.isValid ? parsed : null;
}

/** The same format accepting 1/2/2024 as well as 01/02/2024. */
function unpadded(format: string): string {
  return format.replace('dd', 'd').replace('MM', 'M').replace('HH', 'H');
}

function expected(format: DateFormat | undefined): string {
  return format && format !== 'iso' ? `is not a date written as ${format}` : 'is not an ISO 8601 date';
}
