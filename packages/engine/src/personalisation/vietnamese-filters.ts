import { DateTime } from 'luxon';

/** Liquid filters Vietnamese marketers reach for, registered on every Loa Liquid engine. */
export interface LiquidFilters {
  [name: string]: (value: unknown, ...args: unknown[]) => unknown;
}

const vndFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1250000 → "1.250.000 ₫"; `{{ total | vnd: false }}` → "1.250.000". Text that is not a number is left alone. */
export function formatVnd(value: unknown, withSymbol: unknown = true): unknown {
  const amount = toNumber(value);
  if (amount === undefined) return value;
  const digits = vndFormat.format(Math.round(amount));
  return withSymbol === false ? digits : `${digits} ₫`;
}

/**
 * A date as dd/mm/yyyy (or another luxon format) in `timezone`. Accepts ISO 8601 text, epoch milliseconds and
 * Date values; anything else is left alone so a wrong field shows rather than vanishes.
 */
export function formatVietnameseDate(value: unknown, timezone: string, format = 'dd/MM/yyyy'): unknown {
  const date = toDateTime(value, timezone);
  return date ? date.toFormat(format) : value;
}

/**
 * The name to greet someone by. Vietnamese full names run family, middle, given ("Nguyễn Thị Lan"), and people
 * are addressed by the given name, the last word: "Lan". A single word is returned as it is.
 */
export function givenName(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const words = value.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  return words.length === 0 ? '' : words[words.length - 1];
}

export function vietnameseFilters(timezone: string): LiquidFilters {
  return {
    vnd: (value, withSymbol) => formatVnd(value, withSymbol),
    date_vn: (value) => formatVietnameseDate(value, timezone),
    datetime_vn: (value) => formatVietnameseDate(value, timezone, 'HH:mm dd/MM/yyyy'),
    first_name: (value) => givenName(value),
  };
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function toDateTime(value: unknown, timezone: string): DateTime | undefined {
  let date: DateTime | undefined;
  if (value instanceof Date) date = DateTime.fromJSDate(value);
  else if (typeof value === 'number') date = DateTime.fromMillis(value);
  // A date or time without an offset is a wall-clock time in the campaign's zone, never the server's.
  else if (typeof value === 'string') date = DateTime.fromISO(value, { zone: timezone });
  return date?.isValid ? date.setZone(timezone) : undefined;
}
