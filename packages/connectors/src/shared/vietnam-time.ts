import { DateTime } from 'luxon';

export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

function vietnamNow(nowMs: number): DateTime {
  return DateTime.fromMillis(nowMs, { zone: VIETNAM_ZONE });
}

function iso(time: DateTime): string {
  return time.toUTC().toISO() as string;
}

/** The next 00:00 in Vietnam strictly after `nowMs`, when Zalo's daily quotas reset. */
export function nextVietnamMidnight(nowMs: number): string {
  return iso(vietnamNow(nowMs).startOf('day').plus({ days: 1 }));
}

/** The next `hour`:00 in Vietnam strictly after `nowMs` (06:00 is when night-time sending windows open). */
export function nextVietnamHour(nowMs: number, hour: number): string {
  const now = vietnamNow(nowMs);
  const today = now.startOf('day').set({ hour });
  return iso(today > now ? today : today.plus({ days: 1 }));
}

/** 00:00 in Vietnam on the first day of the next month, when monthly quotas reset. */
export function nextVietnamMonth(nowMs: number): string {
  return iso(vietnamNow(nowMs).startOf('month').plus({ months: 1 }));
}
