import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ContactChanges } from '../contacts/contact-changes';
import { CONTACT_UPSERTER, type ContactUpserter } from './contact-upserter';
import { EventContactResolution, type UnprocessedEvent } from './event-contact-resolution';
import type { EventIngestJob } from './event-ingest.queue';

interface Assignment {
  seq: string;
  contact_id: string | null;
  processed_seq: string | null;
}

/**
 * Resolves the contact of stored events and marks them processed, in `seq` order. Idempotent: an event already
 * processed is skipped, so a job that runs twice (a retry, the sweeper) changes nothing the second time. A
 * workspace's events are processed under one transaction-scoped lock, which is what lets `processed_seq` be read
 * by cursor without gaps (a later number never commits before an earlier one).
 */
@Injectable()
export class EventProcessingService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CONTACT_UPSERTER) private readonly contacts: ContactUpserter,
    private readonly changes: ContactChanges,
  ) {}

  async process(job: EventIngestJob): Promise<{ processed: number; contactIds: string[] }> {
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`loa:events:${job.workspaceId}`]);
      const events: UnprocessedEvent[] = await manager.query(
        `SELECT seq::text AS seq, type, user_id, anonymous_id, traits FROM events
          WHERE workspace_id = $1 AND seq = ANY($2::bigint[]) AND processed_at IS NULL ORDER BY events.seq`,
        [job.workspaceId, job.seqs],
      );
      if (events.length === 0) return { processed: 0, contactIds: [] };
      const resolution = new EventContactResolution(manager, this.contacts, job.workspaceId);
      await resolution.prefetch(events);
      const resolved = new Map<string, { anonymousId: string | null; contactId: string | null }>();
      for (const event of events) {
        resolved.set(event.seq, {
          anonymousId: event.anonymous_id,
          contactId: await resolution.resolve(event),
        });
      }
      for (const entry of resolved.values()) {
        if (entry.contactId === null && entry.anonymousId !== null)
          entry.contactId = resolution.linked.get(entry.anonymousId) ?? null;
      }
      const attached = await this.earlierAnonymousEvents(manager, job.workspaceId, resolution.linked);
      const assignments = await this.numberInOrder(manager, [
        ...attached,
        ...[...resolved].map(([seq, entry]) => ({ seq, contactId: entry.contactId })),
      ]);
      await manager.query(
        `UPDATE events e SET contact_id = a.contact_id, processed_seq = a.processed_seq,
                processed_at = COALESCE(e.processed_at, now())
           FROM jsonb_to_recordset($2::jsonb) AS a(seq bigint, contact_id uuid, processed_seq bigint)
          WHERE e.workspace_id = $1 AND e.seq = a.seq`,
        [job.workspaceId, JSON.stringify(assignments)],
      );
      const contactIds = [...new Set(assignments.flatMap((a) => (a.contact_id ? [a.contact_id] : [])))];
      return { processed: events.length, contactIds };
    });
    await this.changes.changed({
      workspaceId: job.workspaceId,
      contactIds: result.contactIds,
      cause: 'event',
    });
    return result;
  }

  /** Processed events of anonymousIds this job linked to a contact, which had no contact until now. */
  private async earlierAnonymousEvents(
    manager: EntityManager,
    workspaceId: string,
    linked: Map<string, string>,
  ): Promise<{ seq: string; contactId: string }[]> {
    if (linked.size === 0) return [];
    const rows: { seq: string; anonymous_id: string }[] = await manager.query(
      `SELECT seq::text AS seq, anonymous_id FROM events
        WHERE workspace_id = $1 AND anonymous_id = ANY($2::text[]) AND contact_id IS NULL AND processed_at IS NOT NULL`,
      [workspaceId, [...linked.keys()]],
    );
    return rows.flatMap((row) => {
      const contactId = linked.get(row.anonymous_id);
      return contactId ? [{ seq: row.seq, contactId }] : [];
    });
  }

  /** Gives each event that has a contact the next `processed_seq`, in `seq` order. */
  private async numberInOrder(
    manager: EntityManager,
    events: { seq: string; contactId: string | null }[],
  ): Promise<Assignment[]> {
    const ordered = [...events].sort((a, b) => compareSeq(a.seq, b.seq));
    const count = ordered.filter((event) => event.contactId !== null).length;
    const numbers: { value: string }[] =
      count === 0
        ? []
        : await manager.query(
            `SELECT nextval('events_processed_seq')::text AS value FROM generate_series(1, $1::integer)`,
            [count],
          );
    const values = numbers.map((row) => row.value).sort(compareSeq);
    let next = 0;
    return ordered.map((event) => ({
      seq: event.seq,
      contact_id: event.contactId,
      processed_seq: event.contactId === null ? null : (values[next++] ?? null),
    }));
  }
}

function compareSeq(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
