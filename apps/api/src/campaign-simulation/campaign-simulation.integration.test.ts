import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  orderConfirmation,
  seedCampaignWorld,
  type CampaignWorld,
} from '../campaigns/testing/campaign-fixtures';
import { ContactsService } from '../contacts/contacts.service';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

interface SimulatedContact {
  contactId: string;
  exitReason: string | null;
  path: Array<{ stepId: string; outcome: string }>;
  messages: Array<{
    stepId: string;
    channel: string;
    outcome: string;
    rendered: Record<string, unknown>;
    costVnd: number;
  }>;
}

describe('POST /campaigns/{id}/simulate (real PostgreSQL)', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let world: CampaignWorld;
  let campaignId: string;
  let lanId: string;
  let otherContactId: string;

  const upsertContact = async (workspaceId: string, write: Record<string, unknown>) =>
    (
      await app.get(ContactsService).upsert({
        workspaceId,
        match: { externalId: `c-${randomUUID()}` },
        write,
        mode: 'both',
        cause: 'contact',
      })
    ).contact!.id;

  const order = (orderId: string) => ({ name: 'order.created', properties: { orderId } });

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
    world = await seedCampaignWorld(app, ws.workspaceId);
    const created = await ws.as.marketer
      .post('/campaigns')
      .send({ name: 'Xác nhận đơn hàng', graph: orderConfirmation(world) })
      .expect(201);
    campaignId = created.body.id;
    lanId = await upsertContact(ws.workspaceId, {
      name: 'Lan',
      phone: '0912000001',
      attributes: { tier: 'gold' },
    });
    otherContactId = await upsertContact(other.workspaceId, { name: 'Mai', phone: '0912000002' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('simulates the draft on a real contact and a typed sample contact with scripted outcomes; sends nothing', async () => {
    const response = await ws.as.analyst
      .post(`/campaigns/${campaignId}/simulate`)
      .send({
        contacts: [
          { contactId: lanId, entryEvent: order('A1') },
          {
            id: 'sample-no-zalo',
            phone: '84912000003',
            attributes: { name: 'Hoa' },
            entryEvent: order('B2'),
          },
        ],
        outcomes: { zns: { default: 'success', contacts: { 'sample-no-zalo': { failure: 'zns:-118' } } } },
        startAt: '2026-03-02T03:00:00Z',
      })
      .expect(200);

    const [lan, sample] = response.body.contacts as SimulatedContact[];
    expect(lan).toMatchObject({ contactId: lanId, exitReason: 'confirmed' });
    expect(lan!.messages).toEqual([
      expect.objectContaining({
        stepId: 'zns',
        channel: 'zns',
        outcome: 'sent',
        rendered: expect.objectContaining({ params: { customer_name: 'Lan', order_code: 'A1' } }),
      }),
    ]);
    expect(sample!.messages.map((message) => [message.stepId, message.outcome])).toEqual([
      ['zns', 'failed'],
      ['sms', 'sent'],
    ]);
    expect(sample!.messages[1]!.rendered).toMatchObject({ text: 'LOASHOP: Don B2 da xac nhan' });
    expect(response.body.totals).toMatchObject({ entered: 2, messages: 3 });
    expect(response.body.totals.costVnd).toBeGreaterThan(0);

    const sent = (await app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1', [ws.workspaceId])) as Array<{
      n: number;
    }>;
    expect(sent[0]!.n).toBe(0);
  });

  it('answers 422 naming the bad fields, and 404 for another workspace’s campaign', async () => {
    const path = `/campaigns/${campaignId}/simulate`;
    const fields = async (body: object) =>
      ((await ws.as.marketer.post(path).send(body).expect(422)).body.errors as Array<{ field: string }>).map(
        (error) => error.field,
      );

    expect(await fields({ contacts: [{ contactId: randomUUID() }, { contactId: otherContactId }] })).toEqual([
      'contacts.0.contactId',
      'contacts.1.contactId',
    ]);
    expect(await fields({ contacts: [{ contactId: 'nope' }] })).toEqual(['contacts.0.contactId']);
    expect(
      await fields({
        contacts: [{ id: 's1', entryEvent: order('C3') }],
        events: [{ contactId: 's1', name: 'order.paid', at: 'soon' }],
      }),
    ).toEqual(['events.0.at']);
    expect(await fields({ contacts: [] })).toEqual(['contacts']);
    expect(await fields({ version: 3, contacts: [{ id: 's1' }] })).toEqual(['version']);

    await other.as.admin
      .post(path)
      .send({ contacts: [{ id: 's1' }] })
      .expect(404);
  });

  it('simulates a published version instead of the draft', async () => {
    await app.get(DataSource).query(
      `INSERT INTO campaign_versions (id, workspace_id, campaign_id, version, graph, plan, hash, published_by)
       VALUES ($1, $2, $3, 1, $4, '{}', $5, '{"kind": "user", "id": "x", "name": "Test"}')`,
      [
        randomUUID(),
        ws.workspaceId,
        campaignId,
        JSON.stringify(orderConfirmation(world, 'LOASHOP v1: {{ event.orderId }}')),
        randomUUID(),
      ],
    );
    const response = await ws.as.marketer
      .post(`/campaigns/${campaignId}/simulate`)
      .send({
        version: 1,
        contacts: [{ id: 's1', phone: '84912000004', entryEvent: order('D4') }],
        outcomes: { zns: 'failure' },
      })
      .expect(200);
    const [contact] = response.body.contacts as SimulatedContact[];
    expect(contact!.messages.at(-1)!.rendered).toMatchObject({ text: 'LOASHOP v1: D4' });
  });
});
