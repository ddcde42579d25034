import { startOfDayIn } from '../../format/zoned-day';
import type { AuditLogFilters } from './audit-log-queries';

/** The filters as the address keeps them: ?actor=<id>&target=<kind>&from=<yyyy-mm-dd>&to=<yyyy-mm-dd>. */
export interface AuditFilterParams {
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API query of the address's filters: whole days in the workspace's time zone (the one the log is shown in),
 * `to` included (so the query's `to` is the start of the next day). A day that is not a date is left out.
 */
export function auditQueryOf(params: AuditFilterParams, timeZone?: string): AuditLogFilters {
  const startOf = (day: string | undefined, addDays = 0) => {
    if (!day || !DAY.test(day)) return undefined;
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const start = startOfDayIn(year, month, date + addDays, timeZone);
    return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
  };
  const from = startOf(params.from);
  const to = startOf(params.to, 1);
  return {
    ...(params.actor && { actorId: params.actor }),
    ...(params.target && { targetKind: params.target }),
    ...(from && { from }),
    ...(to && { to }),
  };
}
