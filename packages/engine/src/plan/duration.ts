import type { Duration, TimeUnit } from '../graph/common.schema';

const unitMs: Record<TimeUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

export function durationMs(duration: Duration): number {
  return duration.amount * unitMs[duration.unit];
}
