import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { EVENT_INGEST_QUEUE, type EventIngestJob } from './event-ingest.queue';
import type { StoredEvent } from './event-store';

const FLUSH_EVERY_MS = 50;

/**
 * Turns freshly stored events into processing jobs, one job per workspace per short interval rather than one per
 * request. Best effort by design: the events are already stored, so when Redis is unavailable nothing is queued
 * (and no request waits for it); the sweeper queues whatever stays unprocessed.
 */
@Injectable()
export class EventIngestEnqueuer implements OnApplicationShutdown {
  private readonly logger = new Logger(EventIngestEnqueuer.name);
  private pending = new Map<string, string[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectQueue(EVENT_INGEST_QUEUE) private readonly queue: Queue<EventIngestJob>) {}

  /** Whether jobs can be queued right now; adding while Redis is away would only wait in memory. */
  get ready(): boolean {
    return this.queue.client.status === 'ready';
  }

  notify(events: StoredEvent[]): void {
    for (const event of events) {
      const seqs = this.pending.get(event.workspaceId);
      if (seqs) seqs.push(event.seq);
      else this.pending.set(event.workspaceId, [event.seq]);
    }
    if (this.pending.size > 0) this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** Queues one job per workspace; `jobId` makes queueing the same events twice (say by two sweepers) a no-op. */
  async enqueue(job: EventIngestJob, jobId?: string): Promise<boolean> {
    if (!this.ready) return false;
    try {
      await this.queue.add(job, {
        jobId,
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 5,
        backoff: 1000,
      });
      return true;
    } catch (error) {
      this.logger.warn('Could not queue event processing; the sweeper will', {
        workspaceId: job.workspaceId,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = new Map();
    await Promise.all([...pending].map(([workspaceId, seqs]) => this.enqueue({ workspaceId, seqs })));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
