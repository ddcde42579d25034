import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CampaignScheduleRequests } from '../broadcasts/campaign-schedules.queue';
import { CampaignStateSignals } from '../campaign-runs/campaign-state-signals.queue';
import { returnedRows } from '../database/returned-rows';
import type { Principal, UserPrincipal } from '../auth/principal';
import { problems } from '../http/problem';
import { actorOf } from './campaign-actor';
import { compileInWorkspace, diagnose, hasErrorDiagnostics, invalidCampaign } from './campaign-diagnostics';
import {
  CAMPAIGN_COLUMNS,
  toVersionSummary,
  VERSION_SUMMARY_COLUMNS,
  type CampaignRow,
  type VersionRow,
} from './campaign-row';
import { auditCampaign, campaignView, findCampaign } from './campaign-store';
import { nextState, type CampaignAction } from './campaign-transitions';
import type { Approval, CampaignState } from './campaign.schemas';

type RunControl = Extract<CampaignAction, 'pause' | 'resume' | 'stop' | 'archive'>;

const AUDITED_AS: Record<RunControl, string> = {
  pause: 'paused',
  resume: 'resumed',
  stop: 'stopped',
  archive: 'archived',
};

/**
 * Submit, approve, reject, publish, pause, resume, stop, archive. Every change holds the campaign row lock, moves
 * only along campaign-transitions.ts and is written to the audit log with who did it.
 */
@Injectable()
export class CampaignLifecycleService {
  private readonly logger = new Logger(CampaignLifecycleService.name);

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly stateSignals: CampaignStateSignals,
    private readonly schedules: CampaignScheduleRequests,
  ) {}

  /** Sends the draft for approval; a draft with errors is a 422. */
  async submit(principal: Principal, id: string) {
    return this.db.transaction(async (manager) => {
      const row = await findCampaign(manager, principal.workspaceId, id, true);
      const to = nextState('submit', row.state);
      if (row.approval?.status === 'pending')
        throw problems.conflict('The draft already waits for approval', {
          type: 'urn:loa:problem:campaign-state',
          state: row.state,
        });
      const diagnostics = await diagnose(manager, principal.workspaceId, row.draft_graph);
      if (hasErrorDiagnostics(diagnostics)) throw invalidCampaign(diagnostics);
      const approval: Approval = {
        status: 'pending',
        revision: row.draft_revision,
        submittedBy: await actorOf(manager, principal),
        submittedAt: new Date().toISOString(),
      };
      const updated = await this.setState(manager, principal, row, to, approval);
      await auditCampaign(this.audit, manager, principal, id, 'submitted', {
        revision: row.draft_revision,
        from: row.state,
        to,
      });
      return campaignView(manager, updated);
    });
  }

  /**
   * Approves the submitted draft and publishes it. The submitter may not approve their own submission while the
   * workspace has another admin who can.
   */
  async approve(principal: UserPrincipal, id: string) {
    const published = await this.db.transaction(async (manager) => {
      const row = await findCampaign(manager, principal.workspaceId, id, true);
      const approval = this.pendingApproval(row);
      const to = nextState('approve', row.state);
      const { submittedBy } = approval;
      if (submittedBy.kind === 'user' && submittedBy.id === principal.userId) {
        if ((await adminCount(manager, principal.workspaceId)) > 1)
          throw problems.forbidden('Another admin must approve a submission of yours');
      }
      await auditCampaign(this.audit, manager, principal, id, 'approved', {
        revision: approval.revision,
        submittedBy,
      });
      return this.publishLocked(manager, principal, row, to);
    });
    await this.requestSchedule(principal, id);
    return published;
  }

  async reject(principal: UserPrincipal, id: string, comment: string) {
    return this.db.transaction(async (manager) => {
      const row = await findCampaign(manager, principal.workspaceId, id, true);
      const approval = this.pendingApproval(row);
      const to = nextState('reject', row.state);
      const rejected: Approval = {
        ...approval,
        status: 'rejected',
        decidedBy: await actorOf(manager, principal),
        decidedAt: new Date().toISOString(),
        comment,
      };
      const updated = await this.setState(manager, principal, row, to, rejected);
      await auditCampaign(this.audit, manager, principal, id, 'rejected', {
        revision: approval.revision,
        comment,
        from: row.state,
        to,
      });
      return campaignView(manager, updated);
    });
  }

  /**
   * Compiles the draft into a version. Without required approval, marketers and write keys may publish; with it,
   * a campaign goes live through submit and approve, and only an admin who is the workspace's sole admin may
   * publish directly (there is nobody else to approve).
   */
  async publish(principal: Principal, id: string) {
    const published = await this.db.transaction(async (manager) => {
      const row = await findCampaign(manager, principal.workspaceId, id, true);
      const to = nextState('publish', row.state);
      if (await approvalRequired(manager, principal.workspaceId)) {
        if (principal.kind !== 'user' || principal.role !== 'admin')
          throw problems.forbidden(
            'This workspace requires approval: submit the campaign, and an admin approves it',
          );
        if ((await adminCount(manager, principal.workspaceId)) > 1)
          throw problems.forbidden(
            'This workspace requires approval: submit the campaign, and another admin approves it',
          );
      }
      if (row.approval?.status === 'pending')
        throw problems.conflict('The draft waits for approval; approve or reject it', {
          type: 'urn:loa:problem:campaign-state',
          state: row.state,
        });
      return this.publishLocked(manager, principal, row, to);
    });
    await this.requestSchedule(principal, id);
    return published;
  }

  async pause(principal: Principal, id: string) {
    return this.move(principal, id, 'pause');
  }

  async resume(principal: Principal, id: string) {
    return this.move(principal, id, 'resume');
  }

  async stop(principal: Principal, id: string) {
    return this.move(principal, id, 'stop');
  }

  async archive(principal: Principal, id: string) {
    return this.move(principal, id, 'archive');
  }

  /** Moves the state; once committed, pause, resume and stop are signalled to the running journeys (a job). */
  private async move(principal: Principal, id: string, action: RunControl) {
    const view = await this.db.transaction(async (manager) => {
      const row = await findCampaign(manager, principal.workspaceId, id, true);
      const to = nextState(action, row.state);
      const updated = await this.setState(manager, principal, row, to, row.approval);
      await auditCampaign(this.audit, manager, principal, id, AUDITED_AS[action], { from: row.state, to });
      return campaignView(manager, updated);
    });
    if (action !== 'archive')
      // Committed already: without the job, journeys still read the state after their next long wait.
      await this.stateSignals.request(principal.workspaceId, id).catch((error: unknown) =>
        this.logger.error({
          msg: 'could not queue the campaign state for its journeys',
          campaignId: id,
          error,
        }),
      );
    await this.requestSchedule(principal, id);
    return view;
  }

  /** Committed already: the campaign's Temporal Schedule (if any) follows it by a job. */
  private async requestSchedule(principal: Principal, id: string): Promise<void> {
    await this.schedules
      .request(principal.workspaceId, id)
      .catch((error: unknown) =>
        this.logger.error({ msg: 'could not queue the campaign schedule sync', campaignId: id, error }),
      );
  }

  private pendingApproval(row: CampaignRow): Approval {
    if (row.approval?.status !== 'pending')
      throw problems.conflict(`Nothing waits for approval (the campaign is ${row.state})`, {
        type: 'urn:loa:problem:campaign-state',
        state: row.state,
      });
    return row.approval;
  }

  /** The draft compiled into a version, or the existing version with the same plan hash; the row is locked. */
  private async publishLocked(
    manager: EntityManager,
    principal: Principal,
    row: CampaignRow,
    to: CampaignState,
  ) {
    const versionId = randomUUID();
    const compiled = await compileInWorkspace(manager, {
      workspaceId: principal.workspaceId,
      campaignId: row.id,
      versionId,
      graph: row.draft_graph,
    });
    const actor = await actorOf(manager, principal);
    const existing: VersionRow[] = await manager.query(
      `SELECT ${VERSION_SUMMARY_COLUMNS} FROM campaign_versions WHERE campaign_id = $1 AND hash = $2`,
      [row.id, compiled.plan.hash],
    );
    let version = existing[0];
    if (!version) {
      const inserted: VersionRow[] = await manager.query(
        `INSERT INTO campaign_versions (id, workspace_id, campaign_id, version, graph, plan, hash, published_by)
         SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6, $7
           FROM campaign_versions WHERE campaign_id = $3
         RETURNING ${VERSION_SUMMARY_COLUMNS}`,
        [
          versionId,
          principal.workspaceId,
          row.id,
          JSON.stringify(row.draft_graph),
          JSON.stringify(compiled.plan),
          compiled.plan.hash,
          JSON.stringify(actor),
        ],
      );
      version = inserted[0]!;
    }
    const rows = returnedRows<CampaignRow>(
      await manager.query(
        `UPDATE campaigns c SET state = $3, current_version_id = $4, approval = NULL, updated_by = $5,
              updated_at = now()
        WHERE c.id = $1 AND c.workspace_id = $2
        RETURNING ${CAMPAIGN_COLUMNS}`,
        [row.id, principal.workspaceId, to, version.id, JSON.stringify(actor)],
      ),
    );
    await auditCampaign(this.audit, manager, principal, row.id, 'published', {
      version: version.version,
      hash: version.hash,
      created: existing.length === 0,
      revision: row.draft_revision,
      from: row.state,
      to,
    });
    return {
      campaign: await campaignView(manager, rows[0]!),
      version: toVersionSummary(version),
      created: existing.length === 0,
      diagnostics: compiled.diagnostics,
    };
  }

  private async setState(
    manager: EntityManager,
    principal: Principal,
    row: CampaignRow,
    to: CampaignState,
    approval: Approval | null,
  ): Promise<CampaignRow> {
    const actor = await actorOf(manager, principal);
    const rows = returnedRows<CampaignRow>(
      await manager.query(
        `UPDATE campaigns c SET state = $3, approval = $4, updated_by = $5, updated_at = now()
        WHERE c.id = $1 AND c.workspace_id = $2
        RETURNING ${CAMPAIGN_COLUMNS}`,
        [
          row.id,
          principal.workspaceId,
          to,
          approval === null ? null : JSON.stringify(approval),
          JSON.stringify(actor),
        ],
      ),
    );
    return rows[0]!;
  }
}

async function approvalRequired(manager: EntityManager, workspaceId: string): Promise<boolean> {
  const rows: Array<{ approval_required: boolean }> = await manager.query(
    `SELECT approval_required FROM workspaces WHERE id = $1`,
    [workspaceId],
  );
  return rows[0]?.approval_required ?? true;
}

async function adminCount(manager: EntityManager, workspaceId: string): Promise<number> {
  const rows: Array<{ n: number }> = await manager.query(
    `SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'admin' AND status = 'active'`,
    [workspaceId],
  );
  return rows[0]?.n ?? 0;
}
