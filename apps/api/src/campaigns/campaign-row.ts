import type { Actor, Approval, CampaignState, CampaignView } from './campaign.schemas';

export interface CampaignRow {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  tags: string[];
  state: CampaignState;
  draft_graph: Record<string, unknown>;
  draft_revision: number;
  draft_saved_by: Actor;
  draft_saved_at: Date;
  approval: Approval | null;
  current_version_id: string | null;
  created_by: Actor;
  created_at: Date;
  updated_by: Actor;
  updated_at: Date;
}

export interface VersionRow {
  id: string;
  campaign_id: string;
  version: number;
  hash: string;
  published_by: Actor;
  published_at: Date;
  graph?: unknown;
  plan?: unknown;
}

export const CAMPAIGN_COLUMNS = `c.id, c.workspace_id, c.name, c.description, c.tags, c.state, c.draft_graph,
  c.draft_revision, c.draft_saved_by, c.draft_saved_at, c.approval, c.current_version_id, c.created_by,
  c.created_at, c.updated_by, c.updated_at`;

export const VERSION_SUMMARY_COLUMNS = `id, campaign_id, version, hash, published_by, published_at`;

export function toVersionSummary(row: VersionRow) {
  return {
    id: row.id,
    version: row.version,
    hash: row.hash,
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}

export function toVersionView(row: VersionRow) {
  return { ...toVersionSummary(row), campaignId: row.campaign_id, graph: row.graph, plan: row.plan };
}

export function toCampaignView(row: CampaignRow, currentVersion: VersionRow | undefined): CampaignView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    tags: row.tags,
    state: row.state,
    draftRevision: row.draft_revision,
    draftSavedBy: row.draft_saved_by,
    draftSavedAt: row.draft_saved_at.toISOString(),
    approval: row.approval,
    currentVersion: currentVersion ? toVersionSummary(currentVersion) : null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}
