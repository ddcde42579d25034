import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { CampaignSchedules, type ScheduleSync } from './campaign-schedules.service';

export const CAMPAIGN_SCHEDULES_QUEUE = 'campaign-schedules';

export interface CampaignScheduleJob {
  workspaceId: string;
  campaignId: string;
}

const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

/** Asks for a campaign's Temporal Schedule to follow it, after a publish or state change committed. */
@Injectable()
export class CampaignScheduleRequests {
  constructor(@InjectQueue(CAMPAIGN_SCHEDULES_QUEUE) private readonly queue: Queue<CampaignScheduleJob>) {}

  async request(workspaceId: string, campaignId: string): Promise<void> {
    await this.queue.add({ workspaceId, campaignId }, JOB_OPTIONS);
  }
}

/** Syncs the schedule with the campaign's current state and version; Temporal being down retries the job. */
@Processor(CAMPAIGN_SCHEDULES_QUEUE)
export class CampaignSchedulesProcessor {
  constructor(private readonly schedules: CampaignSchedules) {}

  @Process()
  async sync(job: Job<CampaignScheduleJob>): Promise<ScheduleSync> {
    return this.schedules.sync(job.data.workspaceId, job.data.campaignId);
  }
}
