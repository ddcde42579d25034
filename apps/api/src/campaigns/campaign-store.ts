import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { problems } from '../http/problem';
import type { CampaignView } from './campaign.schemas';
import {
  CAMPAIGN_COLUMNS,
  toCampaignView,
  VERSION_SUMMARY_COLUMNS,
  type CampaignRow,
  type VersionRow,
} from './campaign-row';

/** The workspace's campaign (row-locked when `lock`), or 404: another workspace's campaign does not exist here. */
export async function findCampaign(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<CampaignRow> {
  const rows: CampaignRow[] = await manager.query(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1 AND c.workspace_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, workspaceId],
  );
  if (!rows[0]) throw problems.notFound('Campaign');
  return rows[0];
}

export async function campaignView(manager: EntityManager, row: CampaignRow): Promise<CampaignView> {
  if (row.current_version_id === null) return toCampaignView(row, undefined);
  const versions: VersionRow[] = await manager.query(
    `SELECT ${VERSION_SUMMARY_COLUMNS} FROM campaign_versions WHERE id = $1`,
    [row.current_version_id],
  );
  return toCampaignView(row, versions[0]);
}

/** Views of many campaigns, reading their current versions in one query. */
export async function campaignViews(manager: EntityManager, rows: CampaignRow[]): Promise<CampaignView[]> {
  const ids = rows.flatMap((row) => (row.current_version_id === null ? [] : [row.current_version_id]));
  const versions: VersionRow[] =
    ids.length === 0
      ? []
      : await manager.query(`SELECT ${VERSION_SUMMARY_COLUMNS} FROM campaign_versions WHERE id = ANY ($1)`, [
          ids,
        ]);
  const byId = new Map(versions.map((version) => [version.id, version]));
  return rows.map((row) =>
    toCampaignView(row, row.current_version_id === null ? undefined : byId.get(row.current_version_id)),
  );
}

/** One audit entry about a campaign: who did what to it, when (the audit log stamps the time). */
export function auditCampaign(
  audit: AuditService,
  manager: EntityManager,
  principal: Principal,
  campaignId: string,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit.record(
    {
      workspaceId: principal.workspaceId,
      actor: principal,
      action: `campaign.${action}`,
      targetKind: 'campaign',
      targetId: campaignId,
      details,
    },
    manager,
  );
}
