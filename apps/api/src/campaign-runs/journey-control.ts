import { Inject, Injectable } from '@nestjs/common';
import { CAMPAIGN_STATE_SIGNAL, type CampaignState, type JourneyEnrollment } from '@loa/engine';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { queryJourneyStatus, signalJourneyState, type JourneyAddress } from '../enrollment/journey-address';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { withinDeadline } from '../temporal/within-deadline';
import type { LiveJourney } from './enrollment.schemas';

/** How long "where is this contact" waits for the workflow's answer before it answers what is stored. */
const QUERY_DEADLINE_MS = 3000;
/** A signal or start that takes longer fails (the cancel route answers 503, the signalling job retries). */
const SIGNAL_DEADLINE_MS = 10_000;

/**
 * Talks to running journeys by name: a contact's own contactJourney, or the cohortJourney a contact is a member of
 * (journey-address.ts). A handle without a run id addresses the workflow id's
 * latest run: for an active enrollment that is its own chain (re-entry starts a new chain only after it exited).
 */
@Injectable()
export class JourneyControl {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  /** The journey's live status (the workflow query); unavailable, with why, when Temporal cannot answer. */
  async liveStatus(journey: JourneyAddress): Promise<LiveJourney> {
    try {
      const status = await withinDeadline(this.client, QUERY_DEADLINE_MS, () =>
        queryJourneyStatus(this.client, journey),
      );
      if (status === null) return { available: false, unavailableBecause: 'workflow_not_found' };
      return {
        available: true,
        status: status.status,
        stepId: status.stepId,
        ...(status.waitingFor && { waitingFor: status.waitingFor }),
        converted: status.converted,
        ...(status.exitReason !== undefined && { exitReason: status.exitReason }),
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        return { available: false, unavailableBecause: 'workflow_not_found' };
      return { available: false, unavailableBecause: 'temporal_unreachable' };
    }
  }

  /**
   * Tells one journey a campaign state for it alone (a cancel: `stopped` makes it exit with reason `stopped`
   * through its own exit path; a cohort's other members go on). False when the workflow is gone.
   */
  async signalJourneyState(journey: JourneyAddress, state: CampaignState): Promise<boolean> {
    return this.delivered(() => signalJourneyState(this.client, journey, state));
  }

  /**
   * Tells a running workflow, a contact's journey or a whole cohort, its campaign's state (DESIGN §6). Paused holds
   * it at its next send, active lets it go on, stopped makes it exit with reason `stopped`. False when it is gone.
   */
  async signalCampaignState(workflowId: string, state: CampaignState): Promise<boolean> {
    return this.delivered(() =>
      this.client.workflow.getHandle(workflowId).signal(CAMPAIGN_STATE_SIGNAL, state),
    );
  }

  private async delivered(signal: () => Promise<void>): Promise<boolean> {
    try {
      await withinDeadline(this.client, SIGNAL_DEADLINE_MS, signal);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /**
   * Starts the journey with its id policies (a step re-run); answers its run id, or null when its workflow id runs
   * or ran and may not run again. Rejects when Temporal does not take the start in time (it may still have).
   */
  async start(enrollment: JourneyEnrollment): Promise<string | null> {
    try {
      const handle = await withinDeadline(this.client, SIGNAL_DEADLINE_MS, () =>
        this.client.workflow.start(enrollment.workflowType, {
          taskQueue: this.config.temporal.taskQueue,
          workflowId: enrollment.workflowId,
          args: [enrollment.input],
          workflowIdReusePolicy: enrollment.workflowIdReusePolicy,
          workflowIdConflictPolicy: enrollment.workflowIdConflictPolicy,
        }),
      );
      return handle.firstExecutionRunId;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return null;
      throw error;
    }
  }
}
