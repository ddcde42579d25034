import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { EVENT_ROUTING_QUEUE, type EventRoutingJob } from '../events/event-routing-requests';
import { EventRouter } from './event-router.service';

/** Routes a workspace's newly processed events (jobs asked for by events/event-routing-requests.ts). */
@Processor(EVENT_ROUTING_QUEUE)
export class EventRoutingProcessor {
  constructor(private readonly router: EventRouter) {}

  @Process({ concurrency: 2 })
  async handle(job: Job<EventRoutingJob>): Promise<{ routed: number }> {
    return { routed: await this.router.route(job.data.workspaceId) };
  }
}
