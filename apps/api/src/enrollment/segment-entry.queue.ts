import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { requestWorkspaceJob, type WorkspaceJob } from '../queues/workspace-jobs';
import { SegmentMembershipChanges } from '../segments/segment-membership-changes';
import { SegmentEntryRouter } from './segment-entry-router.service';

export const SEGMENT_ENTRY_QUEUE = 'segment-entry';

type SegmentEntryJob = WorkspaceJob;

/** After contacts entered segments, asks for the workspace's segment-triggered campaigns to take them in. */
@Injectable()
export class SegmentEntryRequests implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SegmentEntryRequests.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    @InjectQueue(SEGMENT_ENTRY_QUEUE) private readonly queue: Queue<SegmentEntryJob>,
    private readonly membershipChanges: SegmentMembershipChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.membershipChanges.subscribe(({ workspaceId }) =>
      requestWorkspaceJob(this.queue, workspaceId, this.logger, 'segment entry'),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}

@Processor(SEGMENT_ENTRY_QUEUE)
export class SegmentEntryProcessor {
  constructor(private readonly router: SegmentEntryRouter) {}

  @Process({ concurrency: 1 })
  async handle(job: Job<SegmentEntryJob>): Promise<{ entered: number }> {
    return { entered: await this.router.route(job.data.workspaceId) };
  }
}
