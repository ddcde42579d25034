import { DateTime } from 'luxon';

/** Minutes since local midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

export function localDateTime(nowMs: number, timezone: string): DateTime {
  const local = DateTime.fromMillis(nowMs, { zone: timezone });
  if (!local.isValid) throw new Error(`Unknown timezone "${timezone}"`);
  return local;
}

/** The given local time of day on the day of `day`, as epoch ms (DST gaps resolve forward, as luxon does). */
export function atTimeOfDay(day: DateTime, time: string): number {
  const minutes = minutesOf(time);
  return day
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
    .toMillis();
}

/** Whether local minutes-of-day fall in [start, end), where a window may wrap past midnight (22:00–07:00). */
export function withinWindow(minutes: number, start: string, end: string): boolean {
  const [from, to] = [minutesOf(start), minutesOf(end)];
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
