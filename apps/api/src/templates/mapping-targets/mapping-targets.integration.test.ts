import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../create-app';
import { testConfig } from '../../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../../testing/test-workspace';

interface EventTargets {
  name: string;
  lastSeenAt: string;
  properties: Array<{ key: string; path: string; liquid: string; types: string[]; seen: number }>;
}

describe('mapping targets list what a template param can read: contact fields, attributes, recent event data', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
  });

  afterAll(async () => {
    await app.close();
  });

  async function ingest(caller: TestWorkspace, events: Array<Record<string, unknown>>) {
    const batch = events.map((event) => ({
      type: 'track',
      userId: 'kh-1',
      messageId: randomUUID(),
      ...event,
    }));
    await caller.as.ingestKey.post('/v1/batch').send({ batch }).expect(200);
    const ids = batch.map((event) => event.messageId);
    await waitFor(
      'events processed',
      async () => {
        const [{ done }] = (await db.query(
          `SELECT count(*)::int AS done FROM events WHERE message_id = ANY($1) AND processed_seq IS NOT NULL`,
          [ids],
        )) as [{ done: number }];
        if (done !== ids.length) throw new Error(`${done} of ${ids.length} processed`);
      },
      20_000,
      50,
    );
  }

  it('lists the contact fields and typed attribute definitions with their Liquid placeholders', async () => {
    await ws.as.marketer
      .post('/contacts/attributes')
      .send({ key: 'city', label: 'Thành phố', type: 'string' })
      .expect(201);
    await ws.as.marketer
      .post('/contacts/attributes')
      .send({ key: 'tier', type: 'enum', enumValues: ['gold', 'silver'] })
      .expect(201);
    const targets = await ws.as.analyst.get('/templates/mapping-targets').expect(200);
    expect(targets.body.contact).toEqual(
      expect.arrayContaining([
        { key: 'name', path: 'contact.name', liquid: '{{ contact.name }}', label: 'Name', type: 'string' },
        expect.objectContaining({ key: 'phone', path: 'contact.phone', type: 'string' }),
        expect.objectContaining({ key: 'tags', type: 'tags' }),
      ]),
    );
    expect(targets.body.attributes).toEqual([
      {
        key: 'city',
        path: 'contact.city',
        liquid: '{{ contact.city }}',
        label: 'Thành phố',
        type: 'string',
        enumValues: null,
      },
      expect.objectContaining({ key: 'tier', type: 'enum', enumValues: ['gold', 'silver'] }),
    ]);
    expect(targets.body.campaign).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'campaign.name' })]),
    );
    expect(targets.body.events).toEqual([]);
  });

  it('lists the property keys of recent events per event name, with their types, from this workspace only', async () => {
    await ingest(ws, [
      { event: 'order_placed', properties: { orderId: 'DH1', total: 1250000, items: [{ sku: 'A' }] } },
      { event: 'order_placed', properties: { orderId: 'DH2', total: '99000', 'mã-giảm': 'SALE' } },
      { event: 'app_opened' },
    ]);
    await ingest(other, [{ event: 'order_placed', properties: { secretKey: 'x' } }]);

    const targets = await ws.as.readKey.get('/templates/mapping-targets').expect(200);
    const events = targets.body.events as EventTargets[];
    expect(events.map((event) => event.name).sort()).toEqual(['app_opened', 'order_placed']);
    const order = events.find((event) => event.name === 'order_placed');
    expect(order?.properties).toEqual([
      {
        key: 'orderId',
        path: 'event.orderId',
        liquid: '{{ event.orderId }}',
        label: 'orderId',
        types: ['string'],
        seen: 2,
      },
      {
        key: 'total',
        path: 'event.total',
        liquid: '{{ event.total }}',
        label: 'total',
        types: ['number', 'string'],
        seen: 2,
      },
      {
        key: 'items',
        path: 'event.items',
        liquid: '{{ event.items }}',
        label: 'items',
        types: ['array'],
        seen: 1,
      },
      {
        key: 'mã-giảm',
        path: 'event["mã-giảm"]',
        liquid: '{{ event["mã-giảm"] }}',
        label: 'mã-giảm',
        types: ['string'],
        seen: 1,
      },
    ]);
    expect(events.find((event) => event.name === 'app_opened')?.properties).toEqual([]);

    const only = await ws.as.readKey.get('/templates/mapping-targets?eventName=app_opened').expect(200);
    expect(only.body.events.map((event: EventTargets) => event.name)).toEqual(['app_opened']);
  });

  it('leaves out events received before the window', async () => {
    await ingest(ws, [{ event: 'old_event', properties: { a: 1 } }]);
    await db.query(
      `UPDATE events SET received_at = now() - interval '10 days' WHERE workspace_id = $1 AND name = 'old_event'`,
      [ws.workspaceId],
    );
    const week = await ws.as.readKey.get('/templates/mapping-targets?days=7').expect(200);
    expect(week.body.events.map((event: EventTargets) => event.name)).not.toContain('old_event');
    const month = await ws.as.readKey.get('/templates/mapping-targets?days=30').expect(200);
    expect(month.body.events.map((event: EventTargets) => event.name)).toContain('old_event');
    const refused = await ws.as.readKey.get('/templates/mapping-targets?days=365').expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'days' })]);
  });
});
