import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CAMPAIGN_RUN_WORKFLOW,
  CANCEL_RUN_SIGNAL,
  PAUSE_RUN_SIGNAL,
  RESUME_RUN_SIGNAL,
  type CampaignRunAudience,
  type CampaignRunInput,
  type Plan,
} from '@loa/engine';
import {
  type Client,
  type ScheduleHandle,
  ScheduleNotFoundError,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleSpec,
  type Workflow,
} from '@temporalio/client';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import {
  campaignScheduleId,
  dateScheduleSpecOf,
  scheduledRunWorkflowId,
  scheduleSpecOf,
} from './campaign-schedule-spec';

/** Journeys a scheduled run starts per activity call, and contacts per page: the run's bounded batches. */
const RUN_SIZES = { pageSize: 500, batchSize: 100, batchConcurrency: 2 } as const;

export type ScheduleSync = 'created' | 'updated' | 'deleted' | 'none';

/**
 * A campaign's Temporal Schedule follows the campaign: while it is active or paused and its current version has a
 * schedule or date trigger (a daily run at its time of day), the schedule exists (paused with it) and its action starts a campaignRun of the current
 * version over the trigger's audience; otherwise (stopped, archived, another trigger) it is deleted. Reads the
 * current state each time, so syncing twice, or late, converges. Runs in flight get the pause, resume or cancel.
 */
@Injectable()
export class CampaignSchedules {
  private readonly logger = new Logger(CampaignSchedules.name);

  constructor(
    private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  async sync(workspaceId: string, campaignId: string): Promise<ScheduleSync> {
    const [row] = (await this.db.query(
      `SELECT c.state, v.plan FROM campaigns c LEFT JOIN campaign_versions v ON v.id = c.current_version_id
        WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, campaignId],
    )) as Array<{ state: string; plan: Plan | null }>;
    const handle = this.temporal.schedule.getHandle(campaignScheduleId(campaignId));
    const live = row?.state === 'active' || row?.state === 'paused';
    const wanted = live && row.plan ? this.scheduleOf(workspaceId, row.plan) : null;
    if (!wanted) return this.remove(handle);
    const paused = row.state === 'paused';
    await this.signalRuns(handle, paused ? PAUSE_RUN_SIGNAL : RESUME_RUN_SIGNAL);
    try {
      await handle.update((previous) => ({
        spec: wanted.spec,
        action: wanted.action,
        policies: previous.policies,
        state: { paused, note: `campaign ${row.state}` },
      }));
      return 'updated';
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
    await this.temporal.schedule.create({
      scheduleId: handle.scheduleId,
      spec: wanted.spec,
      action: wanted.action,
      policies: { catchupWindow: '1 hour' },
      state: { paused, note: `campaign ${row.state}` },
    });
    this.logger.log({ msg: 'campaign schedule created', campaignId, paused });
    return 'created';
  }

  private scheduleOf(
    workspaceId: string,
    plan: Plan,
  ): { spec: ScheduleSpec; action: ScheduleOptionsStartWorkflowAction<Workflow> } | null {
    const { trigger } = plan;
    let spec: ScheduleSpec;
    let audience: CampaignRunAudience;
    if (trigger.type === 'trigger.schedule') {
      spec = scheduleSpecOf(trigger, plan);
      audience = trigger.config.audience;
    } else if (trigger.type === 'trigger.date') {
      spec = dateScheduleSpecOf(trigger, plan);
      const { attribute, offsetDays, timeOfDay, recurring } = trigger;
      const { timezone } = plan.settings;
      audience = { kind: 'date', attribute, offsetDays, timeOfDay, recurring, timezone };
    } else return null;
    const input: CampaignRunInput = {
      workspaceId,
      runId: `${plan.campaignId}:${plan.versionId}`,
      plan,
      audience,
      ...RUN_SIZES,
    };
    return {
      spec,
      action: {
        type: 'startWorkflow',
        workflowType: CAMPAIGN_RUN_WORKFLOW,
        workflowId: scheduledRunWorkflowId(plan.campaignId),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      },
    };
  }

  private async remove(handle: ScheduleHandle): Promise<ScheduleSync> {
    try {
      await this.signalRuns(handle, CANCEL_RUN_SIGNAL);
      await handle.delete();
      return 'deleted';
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return 'none';
      throw error;
    }
  }

  /** Sends the signal to the runs of this schedule still in flight; one that ended meanwhile is left alone. */
  private async signalRuns(handle: ScheduleHandle, signal: string): Promise<void> {
    let running: Array<{ workflowId: string }>;
    try {
      running = (await handle.describe()).info.runningActions.map((action) => action.workflow);
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return;
      throw error;
    }
    for (const { workflowId } of running) {
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(signal);
      } catch (error) {
        if (!(error instanceof Error && error.name === 'WorkflowNotFoundError')) throw error;
      }
    }
  }
}
