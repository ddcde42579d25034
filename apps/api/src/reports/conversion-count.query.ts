import type { EntityManager } from 'typeorm';
import {
  ENROLLMENTS_IN_SCOPE,
  STEP_COUNTS_IN_SCOPE,
  enrollmentParams,
  onWholeHours,
  type ReportScope,
} from './report-scope';

/**
 * Journeys of the scope that reached the goal: a journey converts at most once, with one `converted` step event,
 * so the step counters answer a window on whole hours; the enrollments any other.
 */
export async function conversionCount(manager: EntityManager, scope: ReportScope): Promise<number> {
  const rows: Array<{ count: string | null }> = onWholeHours(scope)
    ? await manager.query(
        `SELECT sum(count) AS count FROM campaign_step_counts
           WHERE ${STEP_COUNTS_IN_SCOPE} AND outcome = 'converted'`,
        enrollmentParams(scope),
      )
    : await manager.query(
        `SELECT count(*) AS count FROM enrollments e WHERE ${ENROLLMENTS_IN_SCOPE} AND e.converted`,
        enrollmentParams(scope),
      );
  return Number(rows[0]?.count ?? 0);
}
