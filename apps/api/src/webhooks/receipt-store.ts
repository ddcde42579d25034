import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { ReceiptInsertBatcher } from './receipt-insert-batcher';
import { WEBHOOK_RECEIPTS_QUEUE, type ReceiptJob } from './receipt-queue';
import type { WebhookProvider } from './webhook-urls';

/** How long stored receipts gather before they are queued together (one Bull job per batch, not per receipt). */
export const QUEUE_RECEIPTS_EVERY_MS = 50;
export const MAX_RECEIPTS_PER_JOB = 200;

/**
 * Keeps verified provider calls (concurrent calls share one INSERT, receipt-insert-batcher.ts). The INSERT is the
 * acknowledgement: once it has committed the provider gets its
 * 2xx, and the receipt survives a crash of the API or Redis (the sweeper queues what was not). A provider's retry
 * of the same call (same bytes) is stored once.
 */
@Injectable()
export class ReceiptStore implements OnApplicationShutdown {
  private readonly logger = new Logger(ReceiptStore.name);
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly inserts: ReceiptInsertBatcher,
    @InjectQueue(WEBHOOK_RECEIPTS_QUEUE) private readonly queue: Queue<ReceiptJob>,
  ) {}

  async keep(input: {
    workspaceId: string;
    accountId: string;
    provider: WebhookProvider;
    payload: string;
  }): Promise<void> {
    const dedupeKey = createHash('sha256').update(input.payload).digest('base64url');
    const ids = await this.inserts.insert({
      workspace_id: input.workspaceId,
      account_id: input.accountId,
      provider: input.provider,
      dedupe_key: dedupeKey,
      payload: input.payload,
    });
    this.pending.push(...ids);
    if (this.pending.length >= MAX_RECEIPTS_PER_JOB) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    } else if (this.pending.length > 0)
      this.timer ??= setTimeout(() => void this.flush(), QUEUE_RECEIPTS_EVERY_MS);
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    const receiptIds = this.pending;
    this.pending = [];
    if (receiptIds.length > 0) await this.enqueue(receiptIds);
  }

  /** Best effort: receipts not queued now are queued by the sweeper. */
  async enqueue(receiptIds: string[], jobId?: string): Promise<boolean> {
    if (this.queue.client.status !== 'ready') return false;
    try {
      await this.queue.add(
        { receiptIds },
        { jobId, removeOnComplete: true, removeOnFail: 1000, attempts: 5, backoff: 1000 },
      );
      return true;
    } catch (error) {
      this.logger.warn('Could not queue webhook receipts; the sweeper will', {
        receipts: receiptIds.length,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }
}
