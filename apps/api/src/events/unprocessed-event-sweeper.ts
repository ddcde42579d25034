import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventIngestEnqueuer } from './event-ingest.enqueuer';

export const SWEEP_EVERY_MS = 5000;
/** Younger events are still on their way through the normal path. */
export const SWEEP_AGE_SECONDS = 5;
const SWEEP_LIMIT = 5000;

/**
 * Queues stored events that are still unprocessed some seconds after they arrived: those whose job was never
 * queued (Redis was down, or the API died between storing and queueing) or was lost with Redis. Runs at start
 * and every few seconds; a job id named after the events keeps two sweeps (or two API instances) from queueing
 * the same events twice while the first job waits.
 */
@Injectable()
export class UnprocessedEventSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UnprocessedEventSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly enqueuer: EventIngestEnqueuer,
  ) {}

  onApplicationBootstrap(): void {
    const tick = (): void => {
      void this.sweep()
        .catch((error: unknown) =>
          this.logger.warn('Sweeping unprocessed events failed; trying again', {
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, SWEEP_EVERY_MS);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Queues what is left unprocessed; answers how many events it queued. */
  sweep(olderThanSeconds = SWEEP_AGE_SECONDS): Promise<number> {
    this.sweeping ??= this.sweepOnce(olderThanSeconds).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(olderThanSeconds: number): Promise<number> {
    if (!this.enqueuer.ready) return 0;
    const groups: { workspace_id: string; seqs: string[] }[] = await this.dataSource.query(
      `SELECT workspace_id, array_agg(seq::text ORDER BY seq) AS seqs
         FROM (SELECT workspace_id, seq FROM events
                WHERE processed_at IS NULL AND received_at < now() - make_interval(secs => $1)
                ORDER BY seq LIMIT $2) AS stale
        GROUP BY workspace_id`,
      [olderThanSeconds, SWEEP_LIMIT],
    );
    let queued = 0;
    for (const group of groups) {
      const jobId = `sweep:${group.workspace_id}:${group.seqs[0]}-${group.seqs.at(-1)}:${group.seqs.length}`;
      if (await this.enqueuer.enqueue({ workspaceId: group.workspace_id, seqs: group.seqs }, jobId))
        queued += group.seqs.length;
    }
    return queued;
  }
}
