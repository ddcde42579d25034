import { DateTime } from 'luxon';
import { atTimeOfDay, localDateTime } from './local-time';

/** The first moment at or after `nowMs` that is `time` on one of `weekdays` (ISO 1 = Monday) in `timezone`. */
export function nextTimeOfDay(input: {
  nowMs: number;
  timezone: string;
  time: string;
  weekdays: number[];
}): number {
  const today = localDateTime(input.nowMs, input.timezone);
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = today.plus({ days: offset });
    const moment = atTimeOfDay(day, input.time);
    if (moment >= input.nowMs && input.weekdays.includes(day.weekday)) return moment;
  }
  throw new Error('nextTimeOfDay needs at least one weekday');
}

/**
 * The moment `offsetDays` from a contact's date attribute, at `time` in `timezone`. The attribute may be a date
 * ("1990-05-17") or a date-time; undefined when it is missing or not a date.
 */
export function dateAttributeMoment(input: {
  value: unknown;
  offsetDays: number;
  time: string;
  timezone: string;
}): number | undefined {
  if (typeof input.value !== 'string' && !(input.value instanceof Date)) return undefined;
  const parsed =
    input.value instanceof Date
      ? DateTime.fromJSDate(input.value, { zone: input.timezone })
      : DateTime.fromISO(input.value, { zone: input.timezone });
  if (!parsed.isValid) return undefined;
  return atTimeOfDay(parsed.startOf('day').plus({ days: input.offsetDays }), input.time);
}

/** The next yearly recurrence (birthday-style) of a date attribute moment at or after `nowMs`. */
export function nextYearlyMoment(input: {
  value: unknown;
  offsetDays: number;
  time: string;
  timezone: string;
  nowMs: number;
}): number | undefined {
  const first = dateAttributeMoment(input);
  if (first === undefined) return undefined;
  const anchor = DateTime.fromMillis(first, { zone: input.timezone });
  const now = localDateTime(input.nowMs, input.timezone);
  for (let year = now.year - 1; year <= now.year + 1; year += 1) {
    const moment = anchor.set({ year }).toMillis();
    if (moment >= input.nowMs) return moment;
  }
  return undefined;
}
