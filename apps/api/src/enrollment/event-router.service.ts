import { Injectable } from '@nestjs/common';
import type { JourneyEvent } from '@loa/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { ContactEventStream, type ContactEvents, type StreamEvent } from '../events/contact-event-stream';
import { EventTriggeredCampaigns } from './event-triggered-campaigns';
import { journeyAddressOf, type JourneyAddress, type RoutedEnrollmentRow } from './journey-address';
import { JourneyStarter } from './journey-starter.service';

const BATCH = 200;
const PARALLEL_CONTACTS = 8;

/**
 * Routes a workspace's processed events (the contact event stream, by `processed_seq` cursor) to journeys: each
 * track event enters the active campaigns it triggers (signalWithStart) and reaches the contact's running journeys
 * (`enrollments` with status active) by signal, for `wait.event` and goals.
 *
 * One router at a time per workspace: the cursor row is locked (FOR UPDATE) while a batch is routed, and moves on
 * only after every signal and start of the batch succeeded. A failure rolls the batch back and the job is retried:
 * at least once. A contact's events go out one after another in ingestion order; contacts go in parallel. A
 * re-routed event changes nothing: starts are idempotent by workflow id and journeys ignore an event id they saw.
 */
@Injectable()
export class EventRouter {
  constructor(
    private readonly db: DataSource,
    private readonly stream: ContactEventStream,
    private readonly campaigns: EventTriggeredCampaigns,
    private readonly starter: JourneyStarter,
  ) {}

  /** Routes everything processed since the cursor; answers how many events it routed. */
  async route(workspaceId: string): Promise<number> {
    await this.db.query(
      `INSERT INTO event_routing_cursors (workspace_id) VALUES ($1) ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId],
    );
    let routed = 0;
    for (;;) {
      const count = await this.db.transaction((manager) => this.routeBatch(manager, workspaceId));
      routed += count;
      if (count < BATCH) return routed;
    }
  }

  private async routeBatch(manager: EntityManager, workspaceId: string): Promise<number> {
    const [cursor] = (await manager.query(
      `SELECT processed_seq::text AS after FROM event_routing_cursors WHERE workspace_id = $1 FOR UPDATE`,
      [workspaceId],
    )) as Array<{ after: string }>;
    const page = await this.stream.poll({ workspaceId, after: cursor!.after, limit: BATCH });
    const count = page.contacts.reduce((sum, contact) => sum + contact.events.length, 0);
    if (count === 0) return 0;
    const campaigns = await this.campaigns.active(workspaceId);
    const running = await this.runningJourneys(
      manager,
      workspaceId,
      page.contacts.map((contact) => contact.contactId),
    );
    let next = 0;
    const routeNext = async (): Promise<void> => {
      while (next < page.contacts.length) {
        const contact = page.contacts[next++]!;
        await this.routeContact(workspaceId, contact, campaigns, running.get(contact.contactId) ?? new Map());
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_CONTACTS }, routeNext));
    await manager.query(
      `UPDATE event_routing_cursors SET processed_seq = $2::bigint, updated_at = now() WHERE workspace_id = $1`,
      [workspaceId, page.cursor],
    );
    return count;
  }

  private async routeContact(
    workspaceId: string,
    contact: ContactEvents,
    campaigns: Awaited<ReturnType<EventTriggeredCampaigns['active']>>,
    running: Map<string, JourneyAddress>,
  ): Promise<void> {
    for (const streamEvent of contact.events) {
      const event = journeyEventOf(streamEvent);
      if (!event) continue;
      for (const journey of running.values()) await this.starter.signal(journey, event);
      const timed = { ...event, receivedAt: streamEvent.receivedAt };
      for (const campaign of EventTriggeredCampaigns.matching(campaigns, timed)) {
        const entry = await this.campaigns.entryOf(workspaceId, campaign);
        const outcome = await this.starter.enterByEvent(entry, contact.contactId, event);
        if (!running.has(outcome.workflowId))
          running.set(outcome.workflowId, { execution: 'contact', workflowId: outcome.workflowId });
      }
    }
  }

  private async runningJourneys(
    manager: EntityManager,
    workspaceId: string,
    contactIds: string[],
  ): Promise<Map<string, Map<string, JourneyAddress>>> {
    const rows = (await manager.query(
      `SELECT DISTINCT contact_id::text AS contact_id, workflow_id, cohort_workflow_id FROM enrollments
        WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[]) AND status = 'active'`,
      [workspaceId, contactIds],
    )) as RoutedEnrollmentRow[];
    // Each running journey by its workflow id (a cohort member's is the id its journey would have on its own).
    const byContact = new Map<string, Map<string, JourneyAddress>>();
    for (const row of rows) {
      const journeys = byContact.get(row.contact_id) ?? new Map<string, JourneyAddress>();
      journeys.set(row.workflow_id, journeyAddressOf(row));
      byContact.set(row.contact_id, journeys);
    }
    return byContact;
  }
}

/** A track event as journeys see it; its id is the message id, so a redelivered event is the same event. */
function journeyEventOf(event: StreamEvent): JourneyEvent | null {
  if (event.type !== 'track' || !event.name) return null;
  return {
    id: event.messageId,
    name: event.name,
    properties: event.properties ?? {},
    occurredAt: event.timestamp,
  };
}
