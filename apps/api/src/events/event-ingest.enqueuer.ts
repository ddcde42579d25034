import { InjectQueue } from '@nestjs/bull';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bull';
import { EVENT_INGEST_QUEUE, type EventIngestJob } from './event-ingest.queue';
import type { StoredEvent } from './event-store';

/**
 * How long stored events gather before they are queued. Bigger jobs make contact resolution far cheaper per event
 * (one transaction and one round of contact-change notices per job): at 50 ms the API accepted about 10 % fewer
 * events per second under load than at 250 ms (bench/RESULTS.md). Resolution starts at most this much later.
 */
export const QUEUE_EVERY_MS = 250;
/** A workspace's events are queued at once when this many are waiting (a job holds at most this many plus one call's). */
export const MAX_EVENTS_PER_JOB = 2000;

/**
 * Turns freshly stored events into processing jobs, one job per workspace per short interval rather than one per
 * request. Best effort by design: the events are already stored, so when Redis is unavailable nothing is queued
 * (and no request waits for it); the sweeper queues whatever stays unprocessed.
 */
@Injectable()
export class EventIngestEnqueuer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventIngestEnqueuer.name);
  private pending = new Map<string, string[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectQueue(EVENT_INGEST_QUEUE) private readonly queue: Queue<EventIngestJob>) {}

  /** Whether jobs can be queued right now; adding while Redis is away would only wait in memory. */
  get ready(): boolean {
    return this.queue.client.status === 'ready';
  }

  /** Stored events not queued yet. */
  get waiting(): number {
    let count = 0;
    for (const seqs of this.pending.values()) count += seqs.length;
    return count;
  }

  notify(events: StoredEvent[]): void {
    let full = false;
    for (const event of events) {
      const seqs = this.pending.get(event.workspaceId);
      if (seqs) {
        seqs.push(event.seq);
        full ||= seqs.length >= MAX_EVENTS_PER_JOB;
      } else this.pending.set(event.workspaceId, [event.seq]);
    }
    if (full) {
      if (this.timer) clearTimeout(this.timer);
      void this.flush();
    } else if (this.pending.size > 0) this.timer ??= setTimeout(() => void this.flush(), QUEUE_EVERY_MS);
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

  /** Queues what is waiting while Redis is still open, rather than leaving it to the sweeper. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.pending.size > 0) await this.flush();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
