import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { ContactChanges, type ContactChange } from '../contacts/contact-changes';
import { requestWorkspaceJob, type WorkspaceJob } from '../queues/workspace-jobs';

/** Jobs of this queue are taken by the API process's event router (enrollment/event-routing.queue.ts). */
export const EVENT_ROUTING_QUEUE = 'event-routing';

export type EventRoutingJob = WorkspaceJob;

/**
 * After events are processed (a committed `ContactChanges` notice with cause `event`), asks for the workspace's
 * events to be routed to journeys. The routing cursor is durable, so a job that finds nothing new is cheap and a
 * notice that is lost (a crash right after the commit) is made up by the workspace's next one.
 */
@Injectable()
export class EventRoutingRequests implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EventRoutingRequests.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    @InjectQueue(EVENT_ROUTING_QUEUE) private readonly queue: Queue<EventRoutingJob>,
    private readonly contactChanges: ContactChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.contactChanges.subscribe((change) => this.onContactsChanged(change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async onContactsChanged(change: ContactChange): Promise<void> {
    if (change.cause !== 'event') return;
    await requestWorkspaceJob(this.queue, change.workspaceId, this.logger, 'event routing');
  }
}
