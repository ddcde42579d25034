import { DateTime } from 'luxon';
import type { Duration } from '../graph/common.schema';
import type { RelativeDateOperator } from '../graph/nodes/branch-nodes.schema';
import { durationMs } from '../plan/duration';

/** A calendar date as attributes store it. */
export const DATE_VALUE_PATTERN = /^[12]\d{3}-\d{2}-\d{2}$/;
/** An instant with its offset, to the millisecond, as attributes store date-times. */
export const DATE_TIME_VALUE_PATTERN =
  /^[12]\d{3}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A relative date comparison of an attribute value: a date (YYYY-MM-DD) by calendar day in `timezone`, a
 * date-time (ISO with offset) as an instant; anything else never matches. The SQL compiler of segments follows
 * exactly these rules.
 */
export function compareRelativeDate(input: {
  operator: RelativeDateOperator;
  period: Duration;
  actual: unknown;
  nowMs: number;
  timezone: string;
}): boolean {
  const { operator, actual, nowMs, timezone } = input;
  if (typeof actual !== 'string') return false;
  const periodMs = durationMs(input.period);
  const [fromMs, toMs] = [nowMs - periodMs, nowMs + periodMs];
  if (DATE_VALUE_PATTERN.test(actual)) {
    const date = DateTime.fromISO(actual, { zone: timezone });
    if (!date.isValid) return false;
    const day = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toISODate() as string;
    return inRange(operator, actual, day(fromMs), day(nowMs), day(toMs));
  }
  if (DATE_TIME_VALUE_PATTERN.test(actual)) {
    const instant = DateTime.fromISO(actual, { setZone: true });
    if (!instant.isValid) return false;
    return inRange(operator, instant.toMillis(), fromMs, nowMs, toMs);
  }
  return false;
}

function inRange<T extends string | number>(
  operator: RelativeDateOperator,
  value: T,
  from: T,
  now: T,
  to: T,
): boolean {
  switch (operator) {
    case 'within_last':
      return value >= from && value <= now;
    case 'more_than_ago':
      return value < from;
    case 'within_next':
      return value >= now && value <= to;
    case 'more_than_ahead':
      return value > to;
  }
}
