import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { EVENT_INGEST_QUEUE, type EventIngestJob } from './event-ingest.queue';
import { EventProcessingService } from './event-processing.service';

@Processor(EVENT_INGEST_QUEUE)
export class EventIngestProcessor {
  private readonly logger = new Logger(EventIngestProcessor.name);

  constructor(private readonly processing: EventProcessingService) {}

  /**
   * Processes the job's events together; if that fails, each event on its own, so that one event that cannot be
   * processed never holds back the others. The job fails (and Bull retries it) only while some event still fails.
   */
  @Process({ concurrency: 2 })
  async handle(job: Job<EventIngestJob>): Promise<{ processed: number }> {
    try {
      return { processed: (await this.processing.process(job.data)).processed };
    } catch (error) {
      if (job.data.seqs.length === 1) throw error;
      let processed = 0;
      const failed: string[] = [];
      for (const seq of job.data.seqs) {
        try {
          processed += (await this.processing.process({ workspaceId: job.data.workspaceId, seqs: [seq] }))
            .processed;
        } catch (eventError) {
          failed.push(seq);
          this.logger.warn('Could not process an event', {
            workspaceId: job.data.workspaceId,
            seq,
            error: eventError instanceof Error ? eventError.message : String(eventError),
          });
        }
      }
      if (failed.length > 0) throw new Error(`${failed.length} of ${job.data.seqs.length} events failed`);
      return { processed };
    }
  }
}
