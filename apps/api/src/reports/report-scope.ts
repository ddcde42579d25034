import type { EntityManager } from 'typeorm';
import { findCampaign } from '../campaigns/campaign-store';
import type { ReportQuery } from './reports.schemas';

/** What a report covers: one campaign of the workspace, optionally one version and a time window. */
export interface ReportScope {
  workspaceId: string;
  campaignId: string;
  version: number | null;
  /** campaign_versions.id of `version` ('' when the campaign has no such version: nothing matches). */
  versionId: string | null;
  from: Date | null;
  to: Date | null;
}

/** The scope of a report request; 404 when the campaign is not the workspace's. */
export async function reportScope(
  manager: EntityManager,
  workspaceId: string,
  campaignId: string,
  query: ReportQuery,
): Promise<ReportScope> {
  await findCampaign(manager, workspaceId, campaignId);
  let versionId: string | null = null;
  if (query.version !== undefined) {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id::text AS id FROM campaign_versions WHERE campaign_id = $1 AND version = $2',
      [campaignId, query.version],
    );
    versionId = rows[0]?.id ?? '';
  }
  return {
    workspaceId,
    campaignId,
    version: query.version ?? null,
    versionId,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}

const HOUR_MS = 3_600_000;

/**
 * Whether the window starts and ends on whole hours (or is open), as any window of whole days in a time zone of
 * whole-hour offset does: then the maintained counters, kept per hour, can answer it.
 */
export function onWholeHours(scope: ReportScope): boolean {
  return [scope.from, scope.to].every((at) => at === null || at.getTime() % HOUR_MS === 0);
}

export function scopeWindow(scope: ReportScope) {
  return {
    version: scope.version,
    from: scope.from?.toISOString() ?? null,
    to: scope.to?.toISOString() ?? null,
  };
}

/**
 * The WHERE clause selecting the scope's journeys (alias `e`), parameters $1..$5. Absent filters are NULL
 * parameters, folded away when PostgreSQL plans the statement for its values.
 */
export const ENROLLMENTS_IN_SCOPE = `e.workspace_id = $1 AND e.campaign_id = $2
  AND ($3::text IS NULL OR e.version_id = $3)
  AND ($4::timestamptz IS NULL OR e.entered_at >= $4)
  AND ($5::timestamptz IS NULL OR e.entered_at < $5)`;

/** The same scope in the step counters (campaign_step_counts), by the hour the journeys entered; parameters as above. */
export const STEP_COUNTS_IN_SCOPE = `workspace_id = $1 AND campaign_id = $2
  AND ($3::text IS NULL OR version_id = $3)
  AND ($4::timestamptz IS NULL OR entry_hour >= $4)
  AND ($5::timestamptz IS NULL OR entry_hour < $5)`;

export const enrollmentParams = (scope: ReportScope) => [
  scope.workspaceId,
  scope.campaignId,
  scope.versionId,
  scope.from,
  scope.to,
];

/**
 * The WHERE clause selecting the scope's ledger rows (alias `m`), parameters $1..$5 (the version number's
 * placeholder can be another, for a statement whose $3 is the version id).
 */
export const messagesInScope = (versionParam = '$3') => `m.workspace_id = $1 AND m.campaign_id = $2
  AND (${versionParam}::int IS NULL OR m.campaign_version = ${versionParam})
  AND ($4::timestamptz IS NULL OR m.created_at >= $4)
  AND ($5::timestamptz IS NULL OR m.created_at < $5)`;

export const messageParams = (scope: ReportScope) => [
  scope.workspaceId,
  scope.campaignId,
  scope.version,
  scope.from,
  scope.to,
];
