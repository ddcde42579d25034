import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { findCampaign } from '../campaigns/campaign-store';
import { ProblemException } from '../http/problem';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { isTemporalUnavailable, withinDeadline } from '../temporal/within-deadline';
import { campaignScheduleId } from './campaign-schedule-spec';
import { NEXT_RUNS_LISTED, type CampaignSchedule } from './campaign-schedule.schemas';

const DESCRIBE_DEADLINE_MS = 5000;

const NOT_SCHEDULED: CampaignSchedule = {
  scheduled: false,
  paused: false,
  nextRuns: [],
  recentRuns: [],
  runningRuns: 0,
};

/**
 * When a scheduled campaign runs next and when it ran: read from its Temporal Schedule, through a connection of its
 * own without the client's retry interceptor. A read for the screen fails fast (the builder asks again), and leaves
 * no retry pending: a retry whose timer fires after the connection closed throws outside any promise.
 */
@Injectable()
export class CampaignScheduleView implements OnApplicationShutdown {
  private readonly connection: Connection;
  private readonly temporal: Client;

  constructor(
    private readonly db: DataSource,
    @Inject(LOA_CONFIG) config: LoaConfig,
  ) {
    this.connection = Connection.lazy({ ...temporalConnectionOptions(config.temporal), interceptors: [] });
    this.temporal = new Client({ connection: this.connection, namespace: config.temporal.namespace });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }

  async of(workspaceId: string, campaignId: string): Promise<CampaignSchedule> {
    await findCampaign(this.db.manager, workspaceId, campaignId);
    const handle = this.temporal.schedule.getHandle(campaignScheduleId(campaignId));
    try {
      const { state, info } = await withinDeadline(this.temporal, DESCRIBE_DEADLINE_MS, () =>
        handle.describe(),
      );
      return {
        scheduled: true,
        paused: state.paused,
        nextRuns: info.nextActionTimes.slice(0, NEXT_RUNS_LISTED).map((time) => time.toISOString()),
        recentRuns: info.recentActions.map((run) => ({
          scheduledAt: run.scheduledAt.toISOString(),
          startedAt: run.takenAt.toISOString(),
        })),
        runningRuns: info.runningActions.length,
      };
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return NOT_SCHEDULED;
      if (isTemporalUnavailable(error))
        throw new ProblemException(
          503,
          'Temporal is unreachable: the schedule cannot be read now; try again',
        );
      throw error;
    }
  }
}
