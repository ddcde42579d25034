import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { ReceiptProcessing, type ReceiptOutcome } from './receipt-processing.service';
import { WEBHOOK_RECEIPTS_QUEUE, type ReceiptJob } from './receipt-queue';

@Processor(WEBHOOK_RECEIPTS_QUEUE)
export class ReceiptProcessor {
  constructor(private readonly processing: ReceiptProcessing) {}

  @Process({ concurrency: 8 })
  async handle(job: Job<ReceiptJob>): Promise<{ outcome: ReceiptOutcome }> {
    return { outcome: await this.processing.process(job.data.receiptId) };
  }
}
