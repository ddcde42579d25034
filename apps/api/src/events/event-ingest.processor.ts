import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { EVENT_INGEST_QUEUE, type EventIngestJob } from './event-ingest.queue';
import { EventProcessingService } from './event-processing.service';

@Processor(EVENT_INGEST_QUEUE)
export class EventIngestProcessor {
  constructor(private readonly processing: EventProcessingService) {}

  @Process({ concurrency: 2 })
  async handle(job: Job<EventIngestJob>): Promise<{ processed: number }> {
    const { processed } = await this.processing.process(job.data);
    return { processed };
  }
}
