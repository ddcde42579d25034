import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { SegmentMembershipChanges } from '../segments/segment-membership-changes';
import { SegmentEntryRouter } from './segment-entry-router.service';

export const SEGMENT_ENTRY_QUEUE = 'segment-entry';

interface SegmentEntryJob {
  workspaceId: string;
}

const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

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
    this.unsubscribe = this.membershipChanges.subscribe(async ({ workspaceId }) => {
      try {
        await this.queue.add({ workspaceId }, JOB_OPTIONS);
      } catch (error) {
        this.logger.warn('Could not ask for segment entry', {
          workspaceId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
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
