import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ContactChanges, type ContactChange } from '../contacts/contact-changes';
import { SEGMENT_REFRESH_SETTINGS, type SegmentRefreshSettings } from './segment-refresh-settings';
import { SegmentMembership } from './segment-membership';

export const SEGMENT_REFRESH_QUEUE = 'segment-refresh';

export type SegmentRefreshJob =
  | { kind: 'contacts'; workspaceId: string }
  | { kind: 'segment'; workspaceId: string; segmentId: string }
  | { kind: 'time-dependent' };

const ID_CHUNK = 1000;
const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

/**
 * Asks for membership refreshes. Changed contact ids are collected in a Redis set per workspace, so a burst of
 * changes is evaluated in a few set operations; a set is only deleted after its contacts were refreshed, so a
 * crash resumes where it stopped.
 */
@Injectable()
export class SegmentRefreshQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SegmentRefreshQueue.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    @InjectQueue(SEGMENT_REFRESH_QUEUE) private readonly queue: Queue<SegmentRefreshJob>,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    @Inject(SEGMENT_REFRESH_SETTINGS) private readonly settings: SegmentRefreshSettings,
    private readonly contactChanges: ContactChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.contactChanges.subscribe((change) => this.onContactsChanged(change));
    // In the background: the API starts (and reports Redis down on /health) while Redis is unreachable.
    this.scheduleTimeDependent().catch((error: unknown) =>
      this.logger.error({ msg: 'could not schedule the periodic segment refresh', error }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async requestSegment(workspaceId: string, segmentId: string): Promise<void> {
    await this.queue.add({ kind: 'segment', workspaceId, segmentId }, JOB_OPTIONS);
  }

  async requestContacts(workspaceId: string, contactIds: readonly string[]): Promise<void> {
    for (let start = 0; start < contactIds.length; start += ID_CHUNK)
      await this.queue.client.sadd(
        this.pendingKey(workspaceId),
        ...contactIds.slice(start, start + ID_CHUNK),
      );
    await this.queue.add({ kind: 'contacts', workspaceId }, JOB_OPTIONS);
  }

  /** Refreshes the workspace's changed contacts until none are pending. */
  async drainContacts(
    workspaceId: string,
    refresh: (contactIds: string[]) => Promise<unknown>,
  ): Promise<void> {
    const redis = this.queue.client;
    const [pending, processing] = [this.pendingKey(workspaceId), this.processingKey(workspaceId)];
    for (;;) {
      if ((await redis.exists(processing)) === 0) {
        if ((await redis.exists(pending)) === 0) return;
        await redis.renamenx(pending, processing).catch((error: Error) => {
          if (!/no such key/i.test(error.message)) throw error;
        });
        if ((await redis.exists(processing)) === 0) return;
      }
      let cursor = '0';
      do {
        const [next, ids] = await redis.sscan(processing, cursor, 'COUNT', ID_CHUNK);
        cursor = next;
        if (ids.length > 0) await refresh(ids);
      } while (cursor !== '0');
      await redis.del(processing);
    }
  }

  private async onContactsChanged(change: ContactChange): Promise<void> {
    try {
      await this.requestContacts(change.workspaceId, change.contactIds);
    } catch (error) {
      this.logger.error({ msg: 'could not queue a segment refresh', workspaceId: change.workspaceId, error });
    }
  }

  private async scheduleTimeDependent(): Promise<void> {
    const every = this.settings.timeDependentEveryMs;
    for (const repeatable of await this.queue.getRepeatableJobs())
      if (repeatable.id === 'time-dependent' && Number(repeatable.every) !== every)
        await this.queue.removeRepeatableByKey(repeatable.key);
    await this.queue.add(
      { kind: 'time-dependent' },
      { repeat: { every }, jobId: 'time-dependent', removeOnComplete: true, removeOnFail: 100 },
    );
  }

  private pendingKey(workspaceId: string): string {
    return `${this.config.redis.keyPrefix}:segments:changed:${workspaceId}`;
  }

  private processingKey(workspaceId: string): string {
    return `${this.config.redis.keyPrefix}:segments:refreshing:${workspaceId}`;
  }
}

/** Runs the refreshes the queue asks for, one job at a time per process. */
@Processor(SEGMENT_REFRESH_QUEUE)
export class SegmentRefreshProcessor {
  constructor(
    private readonly membership: SegmentMembership,
    private readonly refreshQueue: SegmentRefreshQueue,
  ) {}

  @Process()
  async refresh(job: Job<SegmentRefreshJob>): Promise<void> {
    const request = job.data;
    switch (request.kind) {
      case 'contacts':
        return this.refreshQueue.drainContacts(request.workspaceId, (contactIds) =>
          this.membership.refreshContacts({ workspaceId: request.workspaceId, contactIds }),
        );
      case 'segment':
        await this.membership.refreshSegment(request);
        return;
      case 'time-dependent':
        await this.membership.refreshTimeDependent();
        return;
    }
  }
}
