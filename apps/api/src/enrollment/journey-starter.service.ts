import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  JOURNEY_EVENT_SIGNAL,
  journeyEnrollment,
  mayReenterAfterExit,
  type JourneyEvent,
  type Plan,
} from '@loa/engine';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { releaseEntry, reserveEntry } from './enrollment-limit';
import { claimEntry, releaseClaim } from './entry-lock';
import {
  journeyAddressOf,
  signalJourneyEvent,
  type JourneyAddress,
  type RoutedEnrollmentRow,
} from './journey-address';
import { recordEnteredJourney } from './record-entered-journey';

/** An active campaign's current published version: what new entries run. */
export interface CampaignEntry {
  workspaceId: string;
  campaignId: string;
  plan: Plan;
}

export type SkipReason = 'already_enrolled' | 'enrollment_limit_reached';

export type EntryOutcome =
  | { contactId: string; status: 'started'; workflowId: string }
  | { contactId: string; status: 'skipped'; reason: SkipReason; workflowId: string };

/**
 * Enters contacts into a campaign's current version through Temporal, with the engine's workflow id rules: one
 * workflow per (campaign, contact, entry key), so a repeated entry is a no-op, and a closed journey runs again only
 * when the plan's re-entry setting allows it. Enforces `settings.enrollmentLimit` (enrollment-limit.ts).
 */
@Injectable()
export class JourneyStarter {
  private readonly logger = new Logger(JourneyStarter.name);

  constructor(
    private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  /** The campaign's entry when it is active and published; otherwise its state (null: no such campaign here). */
  async activeEntry(
    workspaceId: string,
    campaignId: string,
  ): Promise<{ entry: CampaignEntry } | { entry: null; state: string | null }> {
    const [row] = (await this.db.query(
      `SELECT c.state, v.plan FROM campaigns c LEFT JOIN campaign_versions v ON v.id = c.current_version_id
        WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, campaignId],
    )) as Array<{ state: string; plan: Plan | null }>;
    if (!row) return { entry: null, state: null };
    if (row.state !== 'active' || !row.plan) return { entry: null, state: row.state };
    return { entry: { workspaceId, campaignId, plan: row.plan } };
  }

  /** Starts the contact's journey unless one with the same id runs (or ran, when re-entry does not allow again). */
  async enter(entry: CampaignEntry, contactId: string): Promise<EntryOutcome> {
    const enrollment = journeyEnrollment({ workspaceId: entry.workspaceId, plan: entry.plan, contactId });
    return this.start(entry, enrollment, contactId);
  }

  /**
   * Entry by an event: the journey starts with it, or, when it already runs, receives it as a signal (signalWithStart:
   * entry and waiting meet; the journey ignores an event id it has seen). Under an enrollment limit the place is
   * reserved first and the start tells whether the journey is new; a running one then gets the event by signal.
   */
  async enterByEvent(entry: CampaignEntry, contactId: string, event: JourneyEvent): Promise<EntryOutcome> {
    const enrollment = journeyEnrollment({
      workspaceId: entry.workspaceId,
      plan: entry.plan,
      contactId,
      entryEvent: event,
    });
    const { workflowId } = enrollment;
    // A cohort runs this journey under a workflow id Temporal does not know: a signal-with-start would start another.
    const member = await this.activeCohortMember(this.db.manager, workflowId);
    if (member) {
      await this.signal(member, event);
      return { contactId, status: 'skipped', reason: 'already_enrolled', workflowId };
    }
    if (entry.plan.settings.enrollmentLimit === undefined) {
      // Its cohort ran it and re-entry does not allow another (Temporal would see an id never used), or a cohort has
      // just taken the contact: the event goes there.
      const claimed = await claimEntry(this.db, { campaignId: entry.campaignId, workflowId }, (manager) =>
        this.enrolledInCohort(manager, workflowId, entry.plan),
      );
      if (!claimed) {
        const joined = await this.activeCohortMember(this.db.manager, workflowId);
        if (joined) await this.signal(joined, event);
        return { contactId, status: 'skipped', reason: 'already_enrolled', workflowId };
      }
      try {
        let runId: string;
        try {
          ({ signaledRunId: runId } = await this.temporal.workflow.signalWithStart(enrollment.workflowType, {
            taskQueue: this.config.temporal.taskQueue,
            workflowId,
            args: [enrollment.input],
            workflowIdReusePolicy: enrollment.workflowIdReusePolicy,
            signal: JOURNEY_EVENT_SIGNAL,
            signalArgs: [event],
          }));
        } catch (error) {
          // The journey ran and closed, and re-entry does not allow another.
          if (error instanceof WorkflowExecutionAlreadyStartedError)
            return { contactId, status: 'skipped', reason: 'already_enrolled', workflowId };
          throw error;
        }
        if (await this.signalStartedRun(this.db.manager, workflowId, runId))
          await recordEnteredJourney(this.db, { workflowId, runId, input: enrollment.input });
        return { contactId, status: 'started', workflowId };
      } finally {
        await this.dropClaim(workflowId);
      }
    }
    const outcome = await this.start(entry, enrollment, contactId);
    if (outcome.status === 'skipped') await this.signal({ execution: 'contact', workflowId }, event);
    return outcome;
  }

  /**
   * Whether the run a signal-with-start went to is a journey's first run, whose enrollment row is keyed by it: yes
   * when the workflow id has no row yet; no when one is active (the journey runs); after an exit, only Temporal
   * knows whether it started a new journey or signalled a continued run of the one that just recorded its exit.
   */
  private async signalStartedRun(
    manager: Pick<EntityManager, 'query'>,
    workflowId: string,
    runId: string,
  ): Promise<boolean> {
    const rows = (await manager.query(`SELECT status FROM enrollments WHERE workflow_id = $1`, [
      workflowId,
    ])) as Array<{ status: string }>;
    if (rows.length === 0) return true;
    if (rows.some((row) => row.status === 'active')) return false;
    const described = await this.temporal.workflow.getHandle(workflowId, runId).describe();
    return described.raw.workflowExecutionInfo?.firstRunId === runId;
  }

  /** The cohort that runs this journey now, if one does. */
  private async activeCohortMember(
    manager: Pick<EntityManager, 'query'>,
    workflowId: string,
  ): Promise<JourneyAddress | null> {
    const [row] = (await manager.query(
      `SELECT workflow_id, contact_id::text AS contact_id, cohort_workflow_id FROM enrollments
        WHERE workflow_id = $1 AND cohort_workflow_id IS NOT NULL AND status = 'active'`,
      [workflowId],
    )) as RoutedEnrollmentRow[];
    return row ? journeyAddressOf(row) : null;
  }

  /** Whether a cohort runs this journey, or ran it and re-entry does not allow another. */
  private async enrolledInCohort(
    manager: Pick<EntityManager, 'query'>,
    workflowId: string,
    plan: Plan,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM enrollments
        WHERE workflow_id = $1 AND cohort_workflow_id IS NOT NULL AND (status = 'active' OR $2) LIMIT 1`,
      [workflowId, !mayReenterAfterExit(plan)],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Sends the event to a journey (its own workflow, or its cohort); a journey that is closed or gone is left alone. */
  async signal(journey: JourneyAddress, event: JourneyEvent): Promise<boolean> {
    try {
      await signalJourneyEvent(this.temporal, journey, event);
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'WorkflowNotFoundError') return false;
      throw error;
    }
  }

  /** Starts a new journey (conflict policy FAIL): "already started" means it runs, or ran and may not again. */
  private async start(
    entry: CampaignEntry,
    enrollment: ReturnType<typeof journeyEnrollment>,
    contactId: string,
  ): Promise<EntryOutcome> {
    const { workflowId } = enrollment;
    if (!(await this.reserve(entry)))
      return { contactId, status: 'skipped', reason: 'enrollment_limit_reached', workflowId };
    let claimed: boolean;
    try {
      // Temporal knows only journeys with a workflow of their own; a cohort's members are known by their enrollments.
      claimed = await claimEntry(this.db, { campaignId: entry.campaignId, workflowId }, (manager) =>
        this.enrolledInCohort(manager, workflowId, entry.plan),
      );
    } catch (error) {
      await this.release(entry);
      throw error;
    }
    if (!claimed) {
      await this.release(entry);
      return { contactId, status: 'skipped', reason: 'already_enrolled', workflowId };
    }
    try {
      let runId: string;
      try {
        ({ firstExecutionRunId: runId } = await this.temporal.workflow.start(enrollment.workflowType, {
          taskQueue: this.config.temporal.taskQueue,
          workflowId,
          args: [enrollment.input],
          workflowIdReusePolicy: enrollment.workflowIdReusePolicy,
          workflowIdConflictPolicy: enrollment.workflowIdConflictPolicy,
        }));
      } catch (error) {
        // Nothing started: the place under the enrollment limit is given back.
        await this.release(entry);
        if (error instanceof WorkflowExecutionAlreadyStartedError)
          return { contactId, status: 'skipped', reason: 'already_enrolled', workflowId };
        this.logger.warn('Could not start a journey', { campaignId: entry.campaignId, contactId });
        throw error;
      }
      await recordEnteredJourney(this.db, { workflowId, runId, input: enrollment.input });
      return { contactId, status: 'started', workflowId };
    } finally {
      await this.dropClaim(workflowId);
    }
  }

  /** The claim expires by itself when it cannot be dropped now. */
  private async dropClaim(workflowId: string): Promise<void> {
    try {
      await releaseClaim(this.db, workflowId);
    } catch (error) {
      this.logger.warn('Could not drop a journey entry claim', { workflowId, error: String(error) });
    }
  }

  private async reserve(entry: CampaignEntry): Promise<boolean> {
    const limit = entry.plan.settings.enrollmentLimit;
    if (limit === undefined) return true;
    return reserveEntry(this.db, { workspaceId: entry.workspaceId, campaignId: entry.campaignId, limit });
  }

  private async release(entry: CampaignEntry): Promise<void> {
    if (entry.plan.settings.enrollmentLimit !== undefined) await releaseEntry(this.db, entry.campaignId);
  }
}
