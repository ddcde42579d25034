import type { EntityManager } from 'typeorm';
import { ENROLLMENTS_IN_SCOPE, enrollmentParams, type ReportScope } from './report-scope';

/**
 * Journeys of the scope that reached the goal: a journey converts at most once, with one `converted` step event,
 * so without a time window the step counters answer; with one, the enrollments do.
 */
export async function conversionCount(manager: EntityManager, scope: ReportScope): Promise<number> {
  const rows: Array<{ count: string | null }> =
    scope.from === null && scope.to === null
      ? await manager.query(
          `SELECT sum(count) AS count FROM campaign_step_counts
           WHERE workspace_id = $1 AND campaign_id = $2 AND ($3::text IS NULL OR version_id = $3)
             AND outcome = 'converted'`,
          [scope.workspaceId, scope.campaignId, scope.versionId],
        )
      : await manager.query(
          `SELECT count(*) AS count FROM enrollments e WHERE ${ENROLLMENTS_IN_SCOPE} AND e.converted`,
          enrollmentParams(scope),
        );
  return Number(rows[0]?.count ?? 0);
}
