import { Injectable, Logger } from '@nestjs/common';
import { journeyRerun, type JourneyEnrollment, type Plan } from '@loa/engine';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { actorOf } from '../campaigns/campaign-actor';
import { auditCampaign, findCampaign } from '../campaigns/campaign-store';
import { problems, ProblemException } from '../http/problem';
import { recordEnteredJourney } from '../enrollment/record-entered-journey';
import { JourneyControl } from './journey-control';
import { rerunCandidates, type RerunCandidate } from './rerun-candidates';
import type { RerunContact, RerunSkipReason } from './step-rerun.schemas';

/** Journeys started at once (each holds a database connection for its claim while Temporal answers). */
const PARALLEL_STARTS = 4;

interface CurrentVersion {
  id: string;
  version: number;
  plan: Plan;
}

/**
 * Re-runs a failed send step's contacts after a fix: each contact whose journey ended on a failed or blocked send
 * at the step (rerun-candidates.ts) gets a new journey on the campaign's current version, entering at that step
 * (the engine's journeyRerun). At most once per failed journey: the failed enrollment is claimed in
 * `journey_rerun_contacts` in the transaction that starts the workflow, and the workflow id is the failed
 * enrollment's own, so its sends have new idempotency keys that never change.
 */
@Injectable()
export class StepRerunService {
  private readonly logger = new Logger(StepRerunService.name);

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly journeys: JourneyControl,
  ) {}

  async rerun(
    principal: Principal,
    campaignId: string,
    stepId: string,
    options: { dryRun: boolean; comment?: string },
  ) {
    const { workspaceId } = principal;
    const current = await this.currentVersion(workspaceId, campaignId);
    const step = current.plan.steps[stepId];
    if (step?.kind !== 'send')
      throw problems.field(
        'path',
        'stepId',
        `is not a send step of the current version (${current.version})`,
      );
    const candidates = await rerunCandidates(this.db.manager, { workspaceId, campaignId, stepId });
    const enrollmentOf = (candidate: RerunCandidate) =>
      journeyRerun({
        workspaceId,
        plan: current.plan,
        contactId: candidate.contactId,
        stepId,
        failedEnrollmentId: candidate.failedEnrollmentId,
        ...(candidate.entryEvent && { entryEvent: candidate.entryEvent }),
      });

    if (options.dryRun) {
      const contacts = candidates.map((candidate) =>
        candidate.skipReason === null
          ? rerunOf(candidate, enrollmentOf(candidate).workflowId)
          : skippedOf(candidate, candidate.skipReason),
      );
      return { rerunId: null, dryRun: true, stepId, version: current.version, ...tally(contacts), contacts };
    }

    const rerunId = await this.recordRerun(principal, campaignId, stepId, current.id, options.comment);
    const contacts: RerunContact[] = [];
    let notStarted = 0;
    let next = 0;
    const startNext = async (): Promise<void> => {
      while (next < candidates.length) {
        const candidate = candidates[next++]!;
        if (candidate.skipReason !== null) {
          contacts.push(skippedOf(candidate, candidate.skipReason));
          continue;
        }
        try {
          contacts.push(await this.start(rerunId, stepId, candidate, enrollmentOf(candidate)));
        } catch (error) {
          notStarted += 1;
          this.logger.warn('Could not start a re-run journey', {
            workspaceId,
            campaignId,
            stepId,
            contactId: candidate.contactId,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_STARTS }, startNext));
    contacts.sort((a, b) => a.contactId.localeCompare(b.contactId));
    const counts = tally(contacts);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE journey_reruns SET rerun_count = $2, skipped_count = $3, skipped = $4,
           finished_at = CASE WHEN $5 THEN now() END WHERE id = $1`,
        [rerunId, counts.rerun, counts.skipped, JSON.stringify(counts.skippedBecause), notStarted === 0],
      );
      await auditCampaign(this.audit, manager, principal, campaignId, 'step_rerun', {
        rerunId,
        stepId,
        version: current.version,
        ...counts,
        ...(notStarted > 0 && { notStarted }),
        ...(options.comment !== undefined && { comment: options.comment }),
      });
    });
    if (notStarted > 0)
      throw new ProblemException(
        503,
        `Temporal did not take ${notStarted} of the starts: those contacts were not re-run (${counts.rerun} were); call again to re-run them`,
      );
    return { rerunId, dryRun: false, stepId, version: current.version, ...counts, contacts };
  }

  /** The campaign's re-runs, newest first. */
  async list(principal: Principal, campaignId: string) {
    await findCampaign(this.db.manager, principal.workspaceId, campaignId);
    const rows: Array<{
      id: string;
      step_id: string;
      version_id: string;
      requested_by: { kind: 'user' | 'api_key'; id: string; name: string };
      requested_at: Date;
      finished_at: Date | null;
      comment: string | null;
      rerun_count: number;
      skipped_count: number;
      skipped: Partial<Record<RerunSkipReason, number>>;
    }> = await this.db.query(
      `SELECT id, step_id, version_id, requested_by, requested_at, finished_at, comment, rerun_count, skipped_count,
         skipped FROM journey_reruns WHERE workspace_id = $1 AND campaign_id = $2
       ORDER BY requested_at DESC, id DESC LIMIT 100`,
      [principal.workspaceId, campaignId],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        stepId: row.step_id,
        versionId: row.version_id,
        requestedBy: row.requested_by,
        requestedAt: row.requested_at.toISOString(),
        finishedAt: row.finished_at?.toISOString() ?? null,
        comment: row.comment,
        rerun: row.rerun_count,
        skipped: row.skipped_count,
        skippedBecause: row.skipped,
      })),
    };
  }

  private async currentVersion(workspaceId: string, campaignId: string): Promise<CurrentVersion> {
    const campaign = await findCampaign(this.db.manager, workspaceId, campaignId);
    if (campaign.state !== 'active' || campaign.current_version_id === null)
      throw problems.conflict(
        `Only an active campaign's journeys can be re-run; this one is ${campaign.state}`,
        {
          type: 'urn:loa:problem:campaign-not-active',
        },
      );
    const [version] = (await this.db.query('SELECT id, version, plan FROM campaign_versions WHERE id = $1', [
      campaign.current_version_id,
    ])) as CurrentVersion[];
    if (!version) throw new Error(`Campaign ${campaignId} has no current version row`);
    return version;
  }

  private async recordRerun(
    principal: Principal,
    campaignId: string,
    stepId: string,
    versionId: string,
    comment: string | undefined,
  ): Promise<string> {
    const actor = await actorOf(this.db.manager, principal);
    const [row] = (await this.db.query(
      `INSERT INTO journey_reruns (workspace_id, campaign_id, step_id, version_id, requested_by, comment)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [principal.workspaceId, campaignId, stepId, versionId, JSON.stringify(actor), comment ?? null],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  /**
   * Claims the failed enrollment and starts its re-run in one transaction: a failed start leaves no claim, and a
   * claim taken by a concurrent call (or an earlier one) means that re-run was started already. The started
   * journey's enrollment is written at once, as for every entry (recordEnteredJourney).
   */
  private async start(
    rerunId: string,
    stepId: string,
    candidate: RerunCandidate,
    enrollment: JourneyEnrollment,
  ): Promise<RerunContact> {
    const { workflowId } = enrollment;
    const runId = await this.db.transaction(async (manager) => {
      const claimed = (await manager.query(
        `INSERT INTO journey_rerun_contacts (failed_enrollment_id, rerun_id, workspace_id, contact_id, step_id,
           workflow_id)
         SELECT $1, $2, workspace_id, $3, $4, $5 FROM journey_reruns WHERE id = $2
         ON CONFLICT DO NOTHING RETURNING failed_enrollment_id`,
        [candidate.failedEnrollmentId, rerunId, candidate.contactId, stepId, workflowId],
      )) as unknown[];
      // null also when an earlier call started it and lost its claim (the start timed out but went through).
      return claimed.length === 0 ? null : this.journeys.start(enrollment);
    });
    if (runId === null) return skippedOf(candidate, 'already_rerun');
    await recordEnteredJourney(this.db, { workflowId, runId, input: enrollment.input });
    return rerunOf(candidate, workflowId);
  }
}

function rerunOf(candidate: RerunCandidate, workflowId: string): RerunContact {
  const { contactId, failedEnrollmentId } = candidate;
  return { contactId, status: 'rerun', failedEnrollmentId, workflowId };
}

function skippedOf(candidate: RerunCandidate, reason: RerunSkipReason): RerunContact {
  const { contactId, failedEnrollmentId } = candidate;
  return { contactId, status: 'skipped', failedEnrollmentId, reason };
}

function tally(contacts: RerunContact[]) {
  const skippedBecause: Partial<Record<RerunSkipReason, number>> = {};
  let rerun = 0;
  for (const contact of contacts) {
    if (contact.status === 'rerun') rerun += 1;
    else skippedBecause[contact.reason] = (skippedBecause[contact.reason] ?? 0) + 1;
  }
  return { rerun, skipped: contacts.length - rerun, skippedBecause };
}
