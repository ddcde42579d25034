import type { EntityManager } from 'typeorm';
import { messageFigures } from './message-figures';
import { ENROLLMENTS_IN_SCOPE, enrollmentParams, scopeWindow, type ReportScope } from './report-scope';
import type { SeriesReport } from './reports.schemas';

/**
 * Entries (journeys entered), sends (ledger rows the provider accepted, by creation time) and conversions (goal
 * reached, by the time of the `converted` step event, whenever the journey entered) per UTC hour or day, each
 * counted by its own time within the window; buckets without any are left out.
 */
export async function seriesReport(
  manager: EntityManager,
  scope: ReportScope,
  interval: SeriesReport['interval'],
): Promise<SeriesReport> {
  const rows: Array<{ at: Date; entries: string; sends: string; conversions: string }> = await manager.query(
    `WITH entries AS (
       SELECT date_trunc($6, e.entered_at, 'UTC') AS at, count(*) AS n FROM enrollments e
       WHERE ${ENROLLMENTS_IN_SCOPE} GROUP BY 1),
     conversions AS (
       SELECT date_trunc($6, s.at, 'UTC') AS at, count(*) AS n
       FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id
       WHERE e.workspace_id = $1 AND e.campaign_id = $2 AND ($3::text IS NULL OR e.version_id = $3)
         AND e.converted AND s.outcome = 'converted'
         AND ($4::timestamptz IS NULL OR s.at >= $4) AND ($5::timestamptz IS NULL OR s.at < $5)
       GROUP BY 1),
     sends AS (
       SELECT date_trunc($6, f.hour, 'UTC') AS at, sum(f.count) AS n FROM (${messageFigures(scope, '$7')}) f
       WHERE f.accepted
       GROUP BY 1
       HAVING sum(f.count) > 0)
     SELECT at, coalesce(entries.n, 0) AS entries, coalesce(sends.n, 0) AS sends,
       coalesce(conversions.n, 0) AS conversions
     FROM entries FULL JOIN sends USING (at) FULL JOIN conversions USING (at)
     ORDER BY at`,
    [...enrollmentParams(scope), interval, scope.version],
  );
  return {
    campaignId: scope.campaignId,
    window: scopeWindow(scope),
    interval,
    points: rows.map((row) => ({
      at: row.at.toISOString(),
      entries: Number(row.entries),
      sends: Number(row.sends),
      conversions: Number(row.conversions),
    })),
  };
}
