import type { EntityManager } from 'typeorm';
import { addGroup, emptyFigures } from './journey-figures';
import { ENROLLMENTS_IN_SCOPE, enrollmentParams, scopeWindow, type ReportScope } from './report-scope';
import type { CampaignOverview } from './reports.schemas';

interface Row {
  version_id: string;
  version: number | null;
  status: string;
  exit_reason: string | null;
  converted: boolean;
  count: string;
}

/**
 * Entered, in progress, completed, exited by reason and conversions, per version and overall: one GROUP BY over
 * the scope's enrollments (enrollments_campaign_idx).
 */
export async function campaignOverview(
  manager: EntityManager,
  scope: ReportScope,
): Promise<CampaignOverview> {
  const rows: Row[] = await manager.query(
    `SELECT g.version_id, v.version, g.status, g.exit_reason, g.converted, g.count
     FROM (SELECT e.version_id, e.status, e.exit_reason, e.converted, count(*) AS count
           FROM enrollments e WHERE ${ENROLLMENTS_IN_SCOPE}
           GROUP BY e.version_id, e.status, e.exit_reason, e.converted) g
     LEFT JOIN campaign_versions v ON v.id::text = g.version_id
     ORDER BY v.version NULLS LAST, g.version_id`,
    enrollmentParams(scope),
  );
  const overall = emptyFigures();
  const versions = new Map<string, CampaignOverview['versions'][number]>();
  for (const row of rows) {
    const group = {
      status: row.status,
      exitReason: row.exit_reason,
      converted: row.converted,
      count: Number(row.count),
    };
    addGroup(overall, group);
    let figures = versions.get(row.version_id);
    if (!figures) {
      figures = { version: row.version, versionId: row.version_id, ...emptyFigures() };
      versions.set(row.version_id, figures);
    }
    addGroup(figures, group);
  }
  return {
    campaignId: scope.campaignId,
    window: scopeWindow(scope),
    overall,
    versions: [...versions.values()],
  };
}
