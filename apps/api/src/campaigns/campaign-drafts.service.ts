import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { returnedRows } from '../database/returned-rows';
import type { Principal } from '../auth/principal';
import { problems } from '../http/problem';
import { actorOf } from './campaign-actor';
import { diagnose } from './campaign-diagnostics';
import { CAMPAIGN_COLUMNS, type CampaignRow } from './campaign-row';
import { auditCampaign, findCampaign } from './campaign-store';
import { EDITABLE_STATES } from './campaign-transitions';

/**
 * The draft graph, saved under optimistic concurrency: a save names the revision it started from, and a save
 * from an older revision is refused (409 with the current revision and who saved it), never merged or overwritten.
 */
@Injectable()
export class CampaignDraftsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(workspaceId: string, id: string) {
    const row = await findCampaign(this.db.manager, workspaceId, id);
    return this.view(row);
  }

  async save(input: { principal: Principal; id: string; revision: number; graph: Record<string, unknown> }) {
    const { principal } = input;
    const saved = await this.db.transaction(async (manager) => {
      const row = await findCampaign(manager, principal.workspaceId, input.id, true);
      if (!EDITABLE_STATES.includes(row.state) || row.approval?.status === 'pending')
        throw problems.conflict(
          row.state === 'pending_approval' || row.approval?.status === 'pending'
            ? 'The draft waits for approval; an admin must approve or reject it before it changes again'
            : `A campaign that is ${row.state} cannot be edited; duplicate it instead`,
          { type: 'urn:loa:problem:campaign-state', state: row.state },
        );
      if (row.draft_revision !== input.revision)
        throw problems.conflict(
          `The draft was saved by ${row.draft_saved_by.name} since revision ${input.revision}; reload revision ${row.draft_revision} and apply the change again`,
          {
            type: 'urn:loa:problem:stale-revision',
            currentRevision: row.draft_revision,
            lastSavedBy: row.draft_saved_by,
            lastSavedAt: row.draft_saved_at.toISOString(),
          },
        );
      const actor = JSON.stringify(await actorOf(manager, principal));
      const rows = returnedRows<CampaignRow>(
        await manager.query(
          `UPDATE campaigns c SET draft_graph = $3, draft_revision = draft_revision + 1, draft_saved_by = $4,
                draft_saved_at = now(), updated_by = $4, updated_at = now()
          WHERE c.id = $1 AND c.workspace_id = $2
          RETURNING ${CAMPAIGN_COLUMNS}`,
          [input.id, principal.workspaceId, JSON.stringify(input.graph), actor],
        ),
      );
      await auditCampaign(this.audit, manager, principal, input.id, 'draft_saved', {
        revision: rows[0]!.draft_revision,
      });
      return rows[0]!;
    });
    return this.view(saved);
  }

  /** The diagnostics of the saved draft, or of a graph given instead; saves nothing. */
  async validate(input: { workspaceId: string; id: string; graph?: Record<string, unknown> }) {
    const row = await findCampaign(this.db.manager, input.workspaceId, input.id);
    return {
      diagnostics: await diagnose(this.db.manager, input.workspaceId, input.graph ?? row.draft_graph),
    };
  }

  private async view(row: CampaignRow) {
    return {
      campaignId: row.id,
      revision: row.draft_revision,
      graph: row.draft_graph,
      savedBy: row.draft_saved_by,
      savedAt: row.draft_saved_at.toISOString(),
      diagnostics: await diagnose(this.db.manager, row.workspace_id, row.draft_graph),
    };
  }
}
