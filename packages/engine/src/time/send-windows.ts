import { localDateTime, atTimeOfDay, withinWindow } from './local-time';

export interface DailyWindow {
  start: string;
  end: string;
}

/** Decree 91/2020: advertising SMS only between 07:00 and 22:00 (Vietnam time). */
export const ADVERTISING_SMS_WINDOW: DailyWindow = { start: '07:00', end: '22:00' };
export const VIETNAM_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** When `nowMs` is outside the allowed daily window, the moment it next opens; undefined when sending is allowed now. */
export function nextWindowOpening(input: {
  nowMs: number;
  timezone: string;
  window: DailyWindow;
}): number | undefined {
  const local = localDateTime(input.nowMs, input.timezone);
  if (withinWindow(local.hour * 60 + local.minute, input.window.start, input.window.end)) return undefined;
  const today = atTimeOfDay(local, input.window.start);
  return today > input.nowMs ? today : atTimeOfDay(local.plus({ days: 1 }), input.window.start);
}

/** When `nowMs` falls in quiet hours, the moment they end; undefined when it does not. */
export function quietHoursEnd(input: {
  nowMs: number;
  timezone: string;
  quietHours: DailyWindow;
}): number | undefined {
  return nextWindowOpening({
    nowMs: input.nowMs,
    timezone: input.timezone,
    window: { start: input.quietHours.end, end: input.quietHours.start },
  });
}
