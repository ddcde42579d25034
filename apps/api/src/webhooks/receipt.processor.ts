import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { ReceiptProcessing, type ReceiptOutcome } from './receipt-processing.service';
import { WEBHOOK_RECEIPTS_QUEUE, type ReceiptJob } from './receipt-queue';

@Processor(WEBHOOK_RECEIPTS_QUEUE)
export class ReceiptProcessor {
  constructor(private readonly processing: ReceiptProcessing) {}

  /** Fails (and Bull retries the job) when some receipt of it fails; those applied before are skipped then. */
  @Process({ concurrency: 2 })
  async handle(job: Job<ReceiptJob>): Promise<Partial<Record<ReceiptOutcome, number>>> {
    const counts: Partial<Record<ReceiptOutcome, number>> = {};
    for (const outcome of await this.processing.processMany(job.data.receiptIds))
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }
}
