import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { ContactEventStream } from './contact-event-stream';
import { toEventRow } from './event-row';
import { EventProcessingService } from './event-processing.service';
import { EventStore } from './event-store';
import type { SegmentEvent } from './segment-event.schemas';

/** The stream is fed straight from the store and the processing service, without HTTP or Bull in between. */
describe('ContactEventStream', () => {
  let app: INestApplication;
  let stream: ContactEventStream;
  let workspaceId: string;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    stream = app.get(ContactEventStream);
    const [workspace] = (await app
      .get(DataSource)
      .query(`INSERT INTO workspaces (slug, name) VALUES ($1, 'Stream') RETURNING id`, [
        `stream-${randomUUID().slice(0, 8)}`,
      ])) as Array<{ id: string }>;
    workspaceId = workspace?.id ?? '';
  });

  afterAll(async () => {
    await app.close();
  });

  /** Stores the events and processes them in the order given, one processing job per call. */
  async function ingest(...events: Array<Partial<SegmentEvent> & { userId: string }>): Promise<string[]> {
    const rows = events.map((event) =>
      toEventRow({
        workspaceId,
        receivedAt: new Date(),
        event: { type: 'track', event: 'Viewed', messageId: randomUUID(), ...event } as SegmentEvent,
      }),
    );
    const stored = await app.get(EventStore).insert(rows);
    await app.get(EventProcessingService).process({ workspaceId, seqs: stored.map((event) => event.seq) });
    return rows.map((row) => row.message_id);
  }

  it('polls processed events by cursor, grouped by contact, each contact in ingestion order', async () => {
    const start = await stream.poll({ workspaceId, limit: 100 });
    expect(start.contacts).toEqual([]);

    const [a1, b1, a2] = await ingest(
      { userId: 'stream-a', event: 'First' },
      { userId: 'stream-b' },
      { userId: 'stream-a', event: 'Second' },
    );
    const page = await stream.poll({ workspaceId, after: start.cursor, limit: 100 });
    expect(page.contacts.map((group) => group.events.map((event) => event.messageId))).toEqual([
      [a1, a2],
      [b1],
    ]);
    const contactA = page.contacts[0]?.contactId ?? '';
    expect(page.contacts[0]?.events.every((event) => event.contactId === contactA)).toBe(true);

    expect(await stream.poll({ workspaceId, after: page.cursor, limit: 100 })).toEqual({
      contacts: [],
      cursor: page.cursor,
    });
    const [a3] = await ingest({ userId: 'stream-a', event: 'Third' });
    const next = await stream.poll({ workspaceId, after: page.cursor, limit: 100 });
    expect(next.contacts).toEqual([
      { contactId: contactA, events: [expect.objectContaining({ messageId: a3 })] },
    ]);
  });

  it('pages with limit without skipping or repeating an event', async () => {
    const before = await stream.poll({ workspaceId, after: undefined, limit: 1000 });
    const ids = await ingest(...Array.from({ length: 5 }, (_, n) => ({ userId: `pager-${n % 2}` })));
    const seen: string[] = [];
    let cursor = before.cursor;
    for (let page = 0; page < 5; page++) {
      const result = await stream.poll({ workspaceId, after: cursor, limit: 2 });
      seen.push(...result.contacts.flatMap((group) => group.events.map((event) => event.messageId)));
      cursor = result.cursor;
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it("reads one contact's events after a seq, in order", async () => {
    const userId = `reader-${randomUUID()}`;
    const ids = await ingest({ userId, event: 'One' }, { userId, event: 'Two' }, { userId, event: 'Three' });
    const all = await stream.poll({ workspaceId, limit: 1000 });
    const contactId =
      all.contacts.find((group) => group.events.some((event) => event.messageId === ids[0]))?.contactId ?? '';
    const events = await stream.read({ workspaceId, contactId, limit: 10 });
    expect(events.map((event) => event.name)).toEqual(['One', 'Two', 'Three']);
    const rest = await stream.read({ workspaceId, contactId, afterSeq: events[0]?.seq, limit: 1 });
    expect(rest.map((event) => event.messageId)).toEqual([ids[1]]);
    expect(await stream.read({ workspaceId: randomUUID(), contactId, limit: 10 })).toEqual([]);
  });
});
