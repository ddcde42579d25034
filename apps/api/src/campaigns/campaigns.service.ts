import { Injectable } from '@nestjs/common';
import { validateGraph } from '@loa/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { returnedRows } from '../database/returned-rows';
import type { Principal } from '../auth/principal';
import { problems } from '../http/problem';
import { actorOf } from './campaign-actor';
import { diagnose } from './campaign-diagnostics';
import { campaignJourneyCounts } from './campaign-journey-counts';
import { decodeCampaignCursor, encodeCampaignCursor } from './campaign-cursor';
import {
  CAMPAIGN_COLUMNS,
  toVersionSummary,
  toVersionView,
  VERSION_SUMMARY_COLUMNS,
  type CampaignRow,
  type VersionRow,
} from './campaign-row';
import { auditCampaign, campaignView, campaignViews, findCampaign } from './campaign-store';
import type { CampaignState } from './campaign.schemas';
import { withWorkspaceDefaults, workspaceDefaults } from './workspace-defaults';

const EMPTY_GRAPH = { schemaVersion: 1, nodes: [], edges: [], settings: {} };

/** Campaigns as records: create, list, rename, duplicate, import and export, versions and audit trail. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(input: {
    principal: Principal;
    name: string;
    description: string;
    tags: string[];
    graph?: Record<string, unknown>;
    action?: 'created' | 'imported' | 'duplicated';
    details?: Record<string, unknown>;
  }) {
    const { principal } = input;
    return this.db.transaction(async (manager) => {
      const actor = await actorOf(manager, principal);
      const given = input.graph ?? EMPTY_GRAPH;
      const graph =
        (input.action ?? 'created') === 'created'
          ? withWorkspaceDefaults(given, await workspaceDefaults(manager, principal.workspaceId))
          : given;
      const rows: CampaignRow[] = await manager.query(
        `INSERT INTO campaigns AS c (workspace_id, name, description, tags, draft_graph, draft_saved_by, created_by,
                                  updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $6)
         RETURNING ${CAMPAIGN_COLUMNS}`,
        [
          principal.workspaceId,
          input.name,
          input.description,
          uniqueTags(input.tags),
          JSON.stringify(graph),
          JSON.stringify(actor),
        ],
      );
      const row = rows[0]!;
      await auditCampaign(this.audit, manager, principal, row.id, input.action ?? 'created', {
        name: row.name,
        state: row.state,
        ...input.details,
      });
      return {
        ...(await campaignView(manager, row)),
        diagnostics: await diagnose(manager, principal.workspaceId, row.draft_graph),
      };
    });
  }

  async list(input: {
    workspaceId: string;
    state?: CampaignState;
    tag?: string;
    q?: string;
    limit: number;
    cursor?: string;
  }) {
    const after = input.cursor === undefined ? undefined : decodeCampaignCursor(input.cursor);
    const rows: CampaignRow[] = await this.db.query(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
        WHERE c.workspace_id = $1
          AND ($2::text IS NULL OR c.state = $2)
          AND ($3::text IS NULL OR $3 = ANY (c.tags))
          AND ($4::text IS NULL OR c.name ILIKE $4 OR c.description ILIKE $4)
          AND ($5::timestamptz IS NULL OR (c.created_at, c.id) < ($5::timestamptz, $6::uuid))
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT $7`,
      [
        input.workspaceId,
        input.state ?? null,
        input.tag ?? null,
        input.q === undefined ? null : `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        after?.createdAt ?? null,
        after?.id ?? null,
        input.limit + 1,
      ],
    );
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const [views, journeys] = await Promise.all([
      campaignViews(this.db.manager, page),
      campaignJourneyCounts(
        this.db.manager,
        input.workspaceId,
        page.map((row) => row.id),
      ),
    ]);
    return {
      items: views.map((view) => ({
        ...view,
        journeys: journeys.get(view.id) ?? { entered: 0, inProgress: 0 },
      })),
      nextCursor: rows.length > input.limit && last ? encodeCampaignCursor(last) : null,
    };
  }

  async get(workspaceId: string, id: string) {
    return campaignView(this.db.manager, await findCampaign(this.db.manager, workspaceId, id));
  }

  async update(input: {
    principal: Principal;
    id: string;
    name?: string;
    description?: string;
    tags?: string[];
  }) {
    const { principal } = input;
    return this.db.transaction(async (manager) => {
      const before = await findCampaign(manager, principal.workspaceId, input.id, true);
      const actor = await actorOf(manager, principal);
      const rows = returnedRows<CampaignRow>(
        await manager.query(
          `UPDATE campaigns c SET name = coalesce($3, name), description = coalesce($4, description),
                tags = coalesce($5, tags), updated_by = $6, updated_at = now()
          WHERE c.id = $1 AND c.workspace_id = $2
          RETURNING ${CAMPAIGN_COLUMNS}`,
          [
            input.id,
            principal.workspaceId,
            input.name ?? null,
            input.description ?? null,
            input.tags === undefined ? null : uniqueTags(input.tags),
            JSON.stringify(actor),
          ],
        ),
      );
      const changed = Object.fromEntries(
        (['name', 'description', 'tags'] as const)
          .filter((key) => input[key] !== undefined)
          .map((key) => [key, { from: before[key], to: rows[0]![key] }]),
      );
      await auditCampaign(this.audit, manager, principal, input.id, 'updated', changed);
      return campaignView(manager, rows[0]!);
    });
  }

  /** A new draft campaign with a copy of this one's draft graph. */
  async duplicate(input: { principal: Principal; id: string; name?: string }) {
    const source = await findCampaign(this.db.manager, input.principal.workspaceId, input.id);
    return this.create({
      principal: input.principal,
      name: input.name ?? `${source.name.slice(0, 190)} (copy)`,
      description: source.description,
      tags: source.tags,
      graph: source.draft_graph,
      action: 'duplicated',
      details: { from: source.id, fromRevision: source.draft_revision },
    });
  }

  /**
   * A new draft from a campaign file. The file must be a campaign on its own (what `loa validate` accepts):
   * otherwise 422 naming each offending field. Its references to the workspace (accounts, templates, segments)
   * are reported in the diagnostics of the new draft.
   */
  async import(input: { principal: Principal; name: string; file: unknown }) {
    const errors = validateGraph(input.file).filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0)
      throw problems.validation(
        errors.map((error) => ({ in: 'body', field: error.path ?? error.code, message: error.message })),
        `The file is not a valid campaign: ${errors[0]!.message}`,
      );
    return this.create({
      principal: input.principal,
      name: input.name,
      description: '',
      tags: [],
      graph: input.file as Record<string, unknown>,
      action: 'imported',
    });
  }

  /** The draft graph: the engine's campaign file format. */
  async export(workspaceId: string, id: string) {
    const row = await findCampaign(this.db.manager, workspaceId, id);
    return { name: row.name, graph: row.draft_graph };
  }

  async versions(workspaceId: string, id: string) {
    await findCampaign(this.db.manager, workspaceId, id);
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${VERSION_SUMMARY_COLUMNS} FROM campaign_versions WHERE campaign_id = $1 ORDER BY version DESC`,
      [id],
    );
    return { items: rows.map(toVersionSummary) };
  }

  async version(workspaceId: string, id: string, version: number) {
    await findCampaign(this.db.manager, workspaceId, id);
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${VERSION_SUMMARY_COLUMNS}, graph, plan FROM campaign_versions WHERE campaign_id = $1 AND version = $2`,
      [id, version],
    );
    if (!rows[0]) throw problems.notFound('Campaign version');
    return toVersionView(rows[0]);
  }

  async auditTrail(workspaceId: string, id: string) {
    await findCampaign(this.db.manager, workspaceId, id);
    return { items: await auditEntries(this.db.manager, workspaceId, id) };
  }
}

async function auditEntries(manager: EntityManager, workspaceId: string, campaignId: string) {
  const rows: Array<{
    action: string;
    actor_kind: string;
    actor_id: string | null;
    actor_name: string | null;
    details: Record<string, unknown>;
    at: Date;
  }> = await manager.query(
    `SELECT a.action, a.actor_kind, a.actor_id, a.details, a.at,
            coalesce(nullif(u.name, ''), u.email, k.name) AS actor_name
       FROM audit_log a
       LEFT JOIN users u ON a.actor_kind = 'user' AND u.id = a.actor_id
       LEFT JOIN api_keys k ON a.actor_kind = 'api_key' AND k.id = a.actor_id
      WHERE a.workspace_id = $1 AND a.target_kind = 'campaign' AND a.target_id = $2
      ORDER BY a.at, a.id`,
    [workspaceId, campaignId],
  );
  return rows.map((row) => ({
    action: row.action,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    at: row.at.toISOString(),
    details: row.details,
  }));
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}
