import { startOfDayIn } from '../format/zoned-day';

/**
 * The report's filters as kept in the address (?version=2&from=2026-12-01&to=2026-12-07): a published version
 * (none: all versions) and a range of whole days, both ends included, in the workspace's time zone (which the page
 * adds; it is not part of the address).
 */
export interface ReportFilters {
  version?: number;
  from?: string;
  to?: string;
  timeZone?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  return value !== null && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The filters in a query string; a malformed value, or an end before the start, is left out. */
export function parseReportFilters(search: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  const version = Number(search.get('version'));
  if (Number.isInteger(version) && version >= 1) filters.version = version;
  const from = search.get('from');
  const to = search.get('to');
  if (isDay(from)) filters.from = from;
  if (isDay(to) && (!filters.from || to >= filters.from)) filters.to = to;
  return filters;
}

/** The query string of the filters, with every other parameter of `search` kept. */
export function withReportFilters(search: URLSearchParams, filters: ReportFilters): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of ['version', 'from', 'to'] as const) {
    const value = filters[key];
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

function dayStart(day: string, timeZone: string | undefined, addDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return startOfDayIn(year, month, date + addDays, timeZone).toISOString();
}

/** The API's window: `from` at the start of its day, `to` at the end of its day (the API's end is exclusive). */
export function toApiWindow(filters: ReportFilters): { version?: number; from?: string; to?: string } {
  return {
    ...(filters.version !== undefined && { version: filters.version }),
    ...(filters.from && { from: dayStart(filters.from, filters.timeZone) }),
    ...(filters.to && { to: dayStart(filters.to, filters.timeZone, 1) }),
  };
}
