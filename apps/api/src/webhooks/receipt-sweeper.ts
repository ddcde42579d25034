import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ReceiptStore } from './receipt-store';

export const RECEIPT_SWEEP_EVERY_MS = 5000;
/** Younger receipts are still on their way through the queue. */
const RECEIVED_AGE_SECONDS = 5;
const SWEEP_LIMIT = 1000;
/** Old receipts are deleted this many at a time, at most PRUNE_BATCHES times per sweep. */
export const PRUNE_BATCH = 1000;
const PRUNE_BATCHES = 10;

/**
 * Queues receipts that need another look: stored but never processed (Redis was away, or the API died between
 * the INSERT and the queue), and waiting ones whose next attempt is due. A job id named after the receipts and
 * their attempts keeps two sweeps from queueing the same attempt twice. Each sweep also deletes applied and ignored
 * receipts processed more than LOA_WEBHOOK_RECEIPT_RETENTION_DAYS ago, in bounded batches; received and waiting
 * ones stay until they are applied or given up.
 */
@Injectable()
export class ReceiptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReceiptSweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly store: ReceiptStore,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = (): void => {
      void this.sweep()
        .then(() => this.prune())
        .catch((error: unknown) =>
          this.logger.warn('Sweeping webhook receipts failed; trying again', {
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, RECEIPT_SWEEP_EVERY_MS);
        });
    };
    this.timer = setTimeout(tick, RECEIPT_SWEEP_EVERY_MS);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Answers how many receipts it queued. */
  async sweep(receivedAgeSeconds = RECEIVED_AGE_SECONDS): Promise<number> {
    const rows = (await this.db.query(
      `SELECT id::text AS id, attempts FROM webhook_receipts
        WHERE (status = 'received' AND received_at < now() - make_interval(secs => $1))
           OR (status = 'waiting' AND next_attempt_at <= now())
        ORDER BY id LIMIT $2`,
      [receivedAgeSeconds, SWEEP_LIMIT],
    )) as Array<{ id: string; attempts: number }>;
    const [first, last] = [rows[0], rows.at(-1)];
    if (!first || !last) return 0;
    const attempts = rows.reduce((sum, row) => sum + row.attempts, 0);
    const jobId = `sweep:${first.id}-${last.id}:${rows.length}:${attempts}`;
    return (await this.store.enqueue(
      rows.map((row) => row.id),
      jobId,
    ))
      ? rows.length
      : 0;
  }

  /**
   * Deletes applied and ignored receipts processed before the retention period, `batchSize` at a time (rows
   * another process is deleting are skipped), until a batch comes back short or after `batches` batches. Answers
   * how many it deleted.
   */
  async prune(options: { batchSize?: number; batches?: number } = {}): Promise<number> {
    const { batchSize = PRUNE_BATCH, batches = PRUNE_BATCHES } = options;
    let deleted = 0;
    for (let batch = 0; batch < batches; batch += 1) {
      const [row] = (await this.db.query(
        `WITH gone AS (
           DELETE FROM webhook_receipts WHERE id IN (
             SELECT id FROM webhook_receipts
              WHERE status IN ('applied', 'ignored') AND processed_at < now() - make_interval(days => $1)
              LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING 1)
         SELECT count(*)::int AS count FROM gone`,
        [this.config.webhooks.receiptRetentionDays, batchSize],
      )) as Array<{ count: number }>;
      const count = row?.count ?? 0;
      deleted += count;
      if (count < batchSize) break;
    }
    return deleted;
  }
}
