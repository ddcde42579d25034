import { randomUUID } from 'node:crypto';
import { freePort, testService, waitFor } from '@loa/testing';
import type { INestApplication } from '@nestjs/common';
import type { Job } from 'bull';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { testConfig } from '../testing/test-config';
import { ContactEventStream } from './contact-event-stream';
import { EventIngestProcessor } from './event-ingest.processor';
import type { EventIngestJob } from './event-ingest.queue';
import { EventProcessingService } from './event-processing.service';
import { MAX_EVENT_BYTES } from './event-limits';
import { toEventRow } from './event-row';
import { EventStore } from './event-store';
import { UnprocessedEventSweeper } from './unprocessed-event-sweeper';

interface StoredRow {
  message_id: string;
  type: string;
  contact_id: string | null;
  processed_at: Date | null;
  timestamp: Date;
}

describe('Segment-compatible ingestion against the real API, PostgreSQL and Redis', () => {
  let app: INestApplication;
  let db: DataSource;
  let ws: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const messageId = () => `msg-${randomUUID()}`;

  async function storedRows(messageIds: string[]): Promise<StoredRow[]> {
    return db.query(
      `SELECT message_id, type, contact_id, processed_at, timestamp FROM events
        WHERE workspace_id = $1 AND message_id = ANY($2) ORDER BY seq`,
      [ws.workspaceId, messageIds],
    );
  }

  async function processed(messageIds: string[]): Promise<StoredRow[]> {
    return waitFor(
      `events ${messageIds.join(', ')} processed`,
      async () => {
        const rows = await storedRows(messageIds);
        if (rows.length !== messageIds.length || rows.some((row) => row.processed_at === null))
          throw new Error(
            `${rows.filter((row) => row.processed_at).length} of ${messageIds.length} processed`,
          );
        return rows;
      },
      20_000,
      50,
    );
  }

  async function contactByExternalId(externalId: string) {
    const rows: Array<{
      id: string;
      name: string | null;
      email: string | null;
      phone: string | null;
      attributes: Record<string, unknown>;
    }> = await db.query(
      'SELECT id, name, email, phone, attributes FROM contacts WHERE workspace_id = $1 AND external_id = $2',
      [ws.workspaceId, externalId],
    );
    return rows[0];
  }

  it('stores a track before answering, once per messageId, and resolves its contact by userId', async () => {
    const id = messageId();
    const userId = `user-${randomUUID()}`;
    const event = { messageId: id, userId, event: 'Order Completed', properties: { total: 450000 } };
    const first = await ws.as.ingestKey.post('/v1/track').send(event);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ success: true });
    expect(await storedRows([id])).toHaveLength(1);

    const retry = await ws.as.ingestKey.post('/v1/track').send(event);
    expect(retry.status).toBe(200);
    const [row] = await processed([id]);
    expect(await storedRows([id])).toHaveLength(1);
    const contact = await contactByExternalId(userId);
    expect(row?.contact_id).toBe(contact?.id);
  });

  it('takes the key as HTTP Basic user name, as Segment libraries send it', async () => {
    const basic = Buffer.from(`${ws.keys.ingest}:`).toString('base64');
    const response = await request(app.getHttpServer())
      .post('/v1/track')
      .set('Authorization', `Basic ${basic}`)
      .send({ messageId: messageId(), anonymousId: 'anon-basic', event: 'Viewed' });
    expect(response.status).toBe(200);
  });

  it('refuses callers without an ingest or write key', async () => {
    const event = { messageId: messageId(), userId: 'u', event: 'Viewed' };
    expect((await ws.as.anonymous.post('/v1/track').send(event)).status).toBe(401);
    expect((await ws.as.readKey.post('/v1/track').send(event)).status).toBe(403);
    expect((await ws.as.marketer.post('/v1/track').send(event)).status).toBe(403);
    expect((await ws.as.writeKey.post('/v1/track').send(event)).status).toBe(200);
  });

  it('answers 422 naming the field for a track without an event name, a user, or with a long messageId', async () => {
    const noName = await ws.as.ingestKey.post('/v1/track').send({ messageId: messageId(), userId: 'u' });
    expect(noName.status).toBe(422);
    expect(noName.body.errors).toEqual([expect.objectContaining({ in: 'body', field: 'event' })]);
    const noUser = await ws.as.ingestKey.post('/v1/track').send({ messageId: messageId(), event: 'Viewed' });
    expect(noUser.body.errors).toEqual([
      { in: 'body', field: 'userId', message: 'userId or anonymousId is required' },
    ]);
    const longId = await ws.as.ingestKey
      .post('/v1/identify')
      .send({ messageId: 'x'.repeat(101), userId: 'u' });
    expect(longId.status).toBe(422);
    expect(longId.body.errors[0].field).toBe('messageId');
  });

  it('refuses text PostgreSQL cannot store (NUL, unpaired surrogate) with a 422, never a 500', async () => {
    const nul = await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: messageId(), userId: 'u', event: 'Viewed', properties: { note: 'a\u0000b' } });
    expect(nul.status).toBe(422);
    expect(nul.body.errors[0].field).toBe('properties.note');
    const inUserId = await ws.as.ingestKey
      .post('/v1/identify')
      .send({ messageId: messageId(), userId: 'u\u0000' });
    expect(inUserId.status).toBe(422);
    expect(inUserId.body.errors[0].field).toBe('userId');

    const good = messageId();
    const batch = await ws.as.ingestKey.post('/v1/batch').send({
      batch: [
        { type: 'track', messageId: good, userId: 'u', event: 'Viewed' },
        { type: 'track', messageId: messageId(), userId: 'u', event: 'Viewed', properties: { x: '\uD800' } },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ accepted: [good], rejected: [{ index: 1, field: 'properties.x' }] });
    expect(await storedRows([good])).toHaveLength(1);
  });

  it('stores an event whose sentAt is thousands of years off its timestamp, keeping its timestamp', async () => {
    const ids = [messageId(), messageId()];
    const times = { timestamp: '1000-01-01T00:00:00Z', sentAt: '9999-12-31T00:00:00Z' };
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: ids[0], userId: 'u', event: 'Viewed', ...times })
      .expect(200);
    const batch = await ws.as.ingestKey.post('/v1/batch').send({
      batch: [
        { type: 'track', messageId: ids[1], userId: 'u', event: 'Viewed', ...times },
        {
          type: 'track',
          messageId: messageId(),
          userId: 'u',
          event: 'Viewed',
          timestamp: '0000-06-01T00:00:00Z',
        },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ accepted: [ids[1]], rejected: [{ index: 1, field: 'timestamp' }] });
    const rows = await storedRows(ids);
    expect(rows.map((row) => row.timestamp.toISOString())).toEqual([
      '1000-01-01T00:00:00.000Z',
      '1000-01-01T00:00:00.000Z',
    ]);
  });

  it('answers 400 for JSON nested deeper than the API reads, never a 500', async () => {
    const deep = '['.repeat(15_000) + ']'.repeat(15_000);
    const response = await ws.as.ingestKey
      .post('/v1/track')
      .set('content-type', 'application/json')
      .send(`{"messageId":"${messageId()}","userId":"u","event":"Viewed","properties":{"a":${deep}}}`);
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/nests deeper than/);
  });

  it('answers 413 for an event over 32 KB and for a batch over 500 KB, storing nothing', async () => {
    const id = messageId();
    const big = await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: id, userId: 'u', event: 'Big', properties: { blob: 'x'.repeat(MAX_EVENT_BYTES) } });
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const events = Array.from({ length: 20 }, () => ({
      type: 'track',
      messageId: messageId(),
      userId: 'u',
      event: 'Filler',
      properties: { blob: 'x'.repeat(30_000) },
    }));
    const batch = await ws.as.ingestKey.post('/v1/batch').send({ batch: events });
    expect(batch.status).toBe(413);
    expect(await storedRows([id, ...events.map((event) => event.messageId)])).toEqual([]);
  });

  it('stores the valid events of a batch and says why each other one was refused', async () => {
    const good = [messageId(), messageId()];
    const bad = messageId();
    const response = await ws.as.ingestKey.post('/v1/batch').send({
      sentAt: '2026-11-30T10:05:00.000Z',
      context: { library: { name: 'analytics-node' } },
      batch: [
        { type: 'identify', messageId: good[0], userId: 'batch-user', traits: { name: 'Lan' } },
        { type: 'track', messageId: bad, event: 'No user' },
        { type: 'page', messageId: messageId(), userId: 'u' },
        {
          type: 'track',
          messageId: good[1],
          userId: 'batch-user',
          event: 'Viewed',
          timestamp: '2026-11-30T10:04:00Z',
        },
        {
          type: 'track',
          messageId: messageId(),
          userId: 'u',
          event: 'Big',
          properties: { blob: 'x'.repeat(MAX_EVENT_BYTES) },
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      success: true,
      accepted: good,
      rejected: [
        { index: 1, messageId: bad, field: 'userId', reason: 'userId or anonymousId is required' },
        { index: 2, messageId: expect.any(String), field: 'type', reason: "must be 'track' or 'identify'" },
        { index: 4, messageId: expect.any(String), reason: expect.stringContaining('32768') },
      ],
    });
    const rows = await processed(good);
    // The batch sentAt corrects the client clock: sent 10:05, happened 10:04, so one minute before receipt.
    const stored: Array<{ timestamp: Date; received_at: Date; context: unknown }> = await db.query(
      'SELECT timestamp, received_at, context FROM events WHERE workspace_id = $1 AND message_id = $2',
      [ws.workspaceId, good[1]],
    );
    expect(stored[0]?.received_at.getTime() - stored[0]?.timestamp.getTime()).toBe(60_000);
    expect(stored[0]?.context).toEqual({ library: { name: 'analytics-node' } });
    expect(rows[0]?.contact_id).toBe(rows[1]?.contact_id);
  });

  it('answers 422 naming each event when no event of a batch is valid', async () => {
    const response = await ws.as.ingestKey
      .post('/v1/batch')
      .send({ batch: [{ type: 'track', messageId: messageId(), userId: 'u' }, 'nonsense'] });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'batch.0.event' }),
      { in: 'body', field: 'batch.1', message: 'must be an object' },
    ]);
  });

  it('writes identify traits to the contact: email, phone, name and other traits as attributes', async () => {
    const userId = `user-${randomUUID()}`;
    const id = messageId();
    const response = await ws.as.ingestKey.post('/v1/identify').send({
      messageId: id,
      userId,
      traits: {
        email: `Lan.${userId}@Example.vn`,
        phone: '0912345678',
        firstName: 'Lan',
        lastName: 'Nguyễn',
        plan: 'gold',
      },
    });
    expect(response.status).toBe(200);
    await processed([id]);
    expect(await contactByExternalId(userId)).toEqual(
      expect.objectContaining({
        name: 'Lan Nguyễn',
        email: `lan.${userId}@example.vn`.toLowerCase(),
        phone: '84912345678',
        attributes: expect.objectContaining({ plan: 'gold', firstName: 'Lan' }),
      }),
    );
  });

  it('keeps an identify whose phone is refused, writing the traits that are valid', async () => {
    const userId = `user-${randomUUID()}`;
    const id = messageId();
    await ws.as.ingestKey
      .post('/v1/identify')
      .send({ messageId: id, userId, traits: { phone: 'not a phone', name: 'Minh' } })
      .expect(200);
    const [row] = await processed([id]);
    const contact = await contactByExternalId(userId);
    expect(contact).toEqual(expect.objectContaining({ name: 'Minh', phone: null }));
    expect(row?.contact_id).toBe(contact?.id);
  });

  it('attaches earlier anonymous events to the contact once an identify links the anonymousId', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    const userId = `user-${randomUUID()}`;
    const before = messageId();
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: before, anonymousId, event: 'Viewed' })
      .expect(200);
    const [anonymous] = await processed([before]);
    expect(anonymous?.contact_id).toBeNull();

    const identify = messageId();
    await ws.as.ingestKey.post('/v1/identify').send({ messageId: identify, userId, anonymousId }).expect(200);
    await processed([identify]);
    const after = messageId();
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: after, anonymousId, event: 'Added to cart' })
      .expect(200);
    await processed([after]);
    const contact = await contactByExternalId(userId);
    const rows = await storedRows([before, identify, after]);
    expect(rows.map((row) => row.contact_id)).toEqual([contact?.id, contact?.id, contact?.id]);

    const stream = await app
      .get(ContactEventStream)
      .read({ workspaceId: ws.workspaceId, contactId: contact?.id, limit: 10 });
    expect(stream.map((event) => event.messageId)).toEqual([before, identify, after]);

    await ws.as.admin.delete(`/contacts/${contact?.id}`).expect(204);
    await waitFor("the erased contact's anonymousId forgotten", async () => {
      const links: unknown[] = await db.query(
        'SELECT 1 FROM event_anonymous_ids WHERE workspace_id = $1 AND anonymous_id = $2',
        [ws.workspaceId, anonymousId],
      );
      if (links.length > 0) throw new Error('still linked');
    });
    const forgotten = messageId();
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: forgotten, anonymousId, event: 'After erase' })
      .expect(200);
    const [afterErase] = await processed([forgotten]);
    expect(afterErase?.contact_id).toBeNull();
  });

  it("lists a contact's events newest first by cursor, and 404 for another workspace's contact", async () => {
    const userId = `user-${randomUUID()}`;
    const ids = [messageId(), messageId(), messageId()];
    await ws.as.ingestKey
      .post('/v1/batch')
      .send({ batch: ids.map((id, n) => ({ type: 'track', messageId: id, userId, event: `Step ${n}` })) })
      .expect(200);
    await processed(ids);
    const contact = await contactByExternalId(userId);
    const first = await ws.as.analyst.get(`/contacts/${contact?.id}/events?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((event: { messageId: string }) => event.messageId)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toEqual(
      expect.objectContaining({ type: 'track', name: 'Step 2', userId, anonymousId: null, properties: {} }),
    );
    const second = await ws.as.readKey.get(
      `/contacts/${contact?.id}/events?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ messageId: ids[0] })],
      nextCursor: null,
    });

    const other = await seedTestWorkspace(app, 'Other workspace');
    expect((await other.as.admin.get(`/contacts/${contact?.id}/events`)).status).toBe(404);
    expect((await ws.as.ingestKey.get(`/contacts/${contact?.id}/events`)).status).toBe(403);
    expect((await ws.as.admin.get(`/contacts/not-a-uuid/events`)).status).toBe(422);
    const pastBigint = await ws.as.admin.get(`/contacts/${contact?.id}/events?cursor=9999999999999999999`);
    expect(pastBigint.status).toBe(422);
    expect(pastBigint.body.errors[0]).toMatchObject({ in: 'query', field: 'cursor' });
  });

  it('processes each event once, however many times its job runs', async () => {
    const id = messageId();
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: id, userId: `user-${randomUUID()}`, event: 'Once' })
      .expect(200);
    await processed([id]);
    const [{ seq }] = await db.query(
      'SELECT seq::text AS seq FROM events WHERE workspace_id = $1 AND message_id = $2',
      [ws.workspaceId, id],
    );
    const again = await app.get(EventProcessingService).process({ workspaceId: ws.workspaceId, seqs: [seq] });
    expect(again).toEqual({ processed: 0, contactIds: [] });
  });

  it('queues events that were stored but never queued (the API died in between) when it sweeps', async () => {
    const id = messageId();
    await app.get(EventStore).insert([
      toEventRow({
        workspaceId: ws.workspaceId,
        receivedAt: new Date(),
        event: { type: 'track', messageId: id, userId: `user-${randomUUID()}`, event: 'Orphan' },
      }),
    ]);
    expect((await storedRows([id]))[0]?.processed_at).toBeNull();
    expect(await app.get(UnprocessedEventSweeper).sweep(0)).toBeGreaterThanOrEqual(1);
    const [row] = await processed([id]);
    expect(row?.contact_id).not.toBeNull();
  });

  it('acknowledges and stores events while Redis is unreachable', async () => {
    const offline = await createApp(testConfig({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }));
    await offline.init();
    try {
      const id = messageId();
      const started = Date.now();
      const response = await request(offline.getHttpServer())
        .post('/v1/track')
        .set('Authorization', `Bearer ${ws.keys.ingest}`)
        .send({ messageId: id, userId: 'offline-user', event: 'Offline' });
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await storedRows([id])).toEqual([
        expect.objectContaining({ message_id: id, processed_at: null }),
      ]);
    } finally {
      await offline.close();
    }
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = await request(app.getHttpServer()).get('/openapi.json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/v1/track', '/v1/identify', '/v1/batch', '/contacts/{id}/events']),
    );
    expect(paths['/v1/track']?.post?.requestBody).toBeDefined();
  });

  it('ingests and processes on embedded PGlite too', async () => {
    // A queue prefix of its own, so that the PostgreSQL app of this file never takes its jobs.
    const embedded = await createApp(
      testConfig({
        DATABASE_URL: '',
        LOA_PGLITE_DIR: 'memory://',
        LOA_REDIS_PREFIX: `${testService('redisPrefix')}:pglite`,
      }),
    );
    await embedded.init();
    try {
      const local = await seedTestWorkspace(embedded);
      const id = messageId();
      await local.as.ingestKey
        .post('/v1/batch')
        .send({
          batch: [{ type: 'identify', messageId: id, userId: 'pglite-user', traits: { name: 'Lan' } }],
        })
        .expect(200);
      const embeddedDb = embedded.get(DataSource);
      const row = await waitFor('the event processed on PGlite', async () => {
        const rows: Array<{ contact_id: string | null }> = await embeddedDb.query(
          'SELECT contact_id FROM events WHERE message_id = $1 AND processed_at IS NOT NULL',
          [id],
        );
        if (!rows[0]) throw new Error('not yet');
        return rows[0];
      });
      const contacts: Array<{ id: string; name: string }> = await embeddedDb.query(
        `SELECT id, name FROM contacts WHERE external_id = 'pglite-user'`,
      );
      expect(contacts).toEqual([{ id: row.contact_id, name: 'Lan' }]);
    } finally {
      await embedded.close();
    }
  });

  it('processes the other events of a job when one of them cannot be processed', async () => {
    const good = [messageId(), messageId()];
    const poison = messageId();
    const store = app.get(EventStore);
    const row = (id: string, userId: string) =>
      toEventRow({
        workspaceId: ws.workspaceId,
        receivedAt: new Date(),
        event: { type: 'track', messageId: id, userId, event: 'Mixed' },
      });
    // Written around the API's checks: no contact may have an external id of 300 characters.
    const stored = await store.insert([
      row(good[0] ?? '', `user-${randomUUID()}`),
      row(poison, 'x'.repeat(300)),
      row(good[1] ?? '', `user-${randomUUID()}`),
    ]);
    const job = { data: { workspaceId: ws.workspaceId, seqs: stored.map((event) => event.seq) } };
    await expect(app.get(EventIngestProcessor).handle(job as Job<EventIngestJob>)).rejects.toThrow(
      '1 of 3 events failed',
    );
    const rows = await storedRows([...good, poison]);
    expect(rows.map((one) => [one.message_id, one.processed_at !== null])).toEqual([
      [good[0], true],
      [poison, false],
      [good[1], true],
    ]);
    await db.query('DELETE FROM events WHERE workspace_id = $1 AND message_id = $2', [
      ws.workspaceId,
      poison,
    ]);
  });
});
