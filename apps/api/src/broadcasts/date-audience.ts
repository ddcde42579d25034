import { dateAttributeMoment, nextYearlyMoment, type DateAudience } from '@loa/engine';
import { DateTime } from 'luxon';

/** The day a date run enrols for: given, or today in the run's timezone. */
export function dateRunDay(audience: DateAudience, nowMs: number): string {
  return audience.on ?? DateTime.fromMillis(nowMs, { zone: audience.timezone }).toFormat('yyyy-MM-dd');
}

/** The attribute's path inside `contacts.attributes` (`birthday`, `attributes.birthday`, `dates.renewal`). */
export function attributePath(attribute: string): string[] {
  return attribute.replace(/^attributes\./, '').split('.');
}

/**
 * Whether a contact's date value plus the offset falls on `day`, with the engine's date logic (the simulator's
 * trigger.date entry): yearly dates recur every year (the year ignored), others happen once.
 */
export function fallsOn(audience: DateAudience, value: unknown, day: string): boolean {
  const { offsetDays, timeOfDay: time, timezone } = audience;
  const startOfDay = DateTime.fromISO(day, { zone: timezone }).startOf('day');
  const moment =
    audience.recurring === 'yearly'
      ? nextYearlyMoment({ value, offsetDays, time, timezone, nowMs: startOfDay.toMillis() })
      : dateAttributeMoment({ value, offsetDays, time, timezone });
  return moment !== undefined && DateTime.fromMillis(moment, { zone: timezone }).toISODate() === day;
}
