import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { ReceiptProcessing, type ReceiptOutcome } from './receipt-processing.service';
import { WEBHOOK_RECEIPTS_QUEUE, type ReceiptJob } from './receipt-queue';

/** Receipts of one job applied at once, each in its own transaction. */
const RECEIPTS_AT_ONCE = 4;

@Processor(WEBHOOK_RECEIPTS_QUEUE)
export class ReceiptProcessor {
  private readonly logger = new Logger(ReceiptProcessor.name);

  constructor(private readonly processing: ReceiptProcessing) {}

  /** Fails (and Bull retries the job) while some receipt of it fails; those applied before are skipped then. */
  @Process({ concurrency: 2 })
  async handle(job: Job<ReceiptJob>): Promise<Partial<Record<ReceiptOutcome, number>>> {
    const counts: Partial<Record<ReceiptOutcome, number>> = {};
    const failed: string[] = [];
    const queue = [...job.data.receiptIds];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const outcome = await this.processing.process(id);
          counts[outcome] = (counts[outcome] ?? 0) + 1;
        } catch (error) {
          failed.push(id);
          this.logger.warn('Could not apply a webhook receipt', {
            receiptId: id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: RECEIPTS_AT_ONCE }, worker));
    if (failed.length > 0)
      throw new Error(`${failed.length} of ${job.data.receiptIds.length} receipts failed`);
    return counts;
  }
}
