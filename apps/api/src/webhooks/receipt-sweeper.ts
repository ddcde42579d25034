import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReceiptStore } from './receipt-store';

export const RECEIPT_SWEEP_EVERY_MS = 5000;
/** Younger receipts are still on their way through the queue. */
const RECEIVED_AGE_SECONDS = 5;
const SWEEP_LIMIT = 1000;

/**
 * Queues receipts that need another look: stored but never processed (Redis was away, or the API died between
 * the INSERT and the queue), and waiting ones whose next attempt is due. A job id named after the receipts and
 * their attempts keeps two sweeps from queueing the same attempt twice.
 */
@Injectable()
export class ReceiptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReceiptSweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly store: ReceiptStore,
  ) {}

  onApplicationBootstrap(): void {
    const tick = (): void => {
      void this.sweep()
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
}
