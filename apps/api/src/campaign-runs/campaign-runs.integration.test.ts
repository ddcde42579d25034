import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { JOURNEY_EVENT_SIGNAL, type Plan } from '@loa/engine';
import { waitFor } from '@loa/testing';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { Queue } from 'bull';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedCampaignWorld, type CampaignWorld } from '../campaigns/testing/campaign-fixtures';
import type { LoaConfig } from '../config/loa-config';
import { createApp } from '../create-app';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestCaller, type TestWorkspace } from '../testing/test-workspace';
import { createWorkerApp } from '../worker/create-worker-app';
import { CAMPAIGN_STATE_SIGNALS_QUEUE, CampaignStateSignalsProcessor } from './campaign-state-signals.queue';
import { enrol, insertContact, publishWaitThenSms } from './testing/run-fixtures';

interface Enrollment {
  id: string;
  contactId: string;
  version: number | null;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
}
interface JourneyView {
  contactId: string;
  enrollments: Array<
    Enrollment & {
      path: Array<{ seq: number; stepId: string; outcome: string }>;
      live: {
        available: boolean;
        unavailableBecause?: string;
        status?: string;
        waitingFor?: { kind: string };
      };
    }
  >;
}

describe('operating campaign runs over HTTP, with the worker on the Temporal dev server', () => {
  let config: LoaConfig;
  let app: INestApplication;
  let workerApp: INestApplicationContext;
  let connection: Connection;
  let client: Client;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let world: CampaignWorld;

  beforeAll(async () => {
    config = testConfig();
    app = await createApp(config);
    await app.init();
    workerApp = await createWorkerApp(config);
    connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    client = new Client({ connection, namespace: config.temporal.namespace });
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
    world = await seedCampaignWorld(app, ws.workspaceId);
  });

  afterAll(async () => {
    await workerApp?.close();
    await app?.close();
    await connection?.close();
  });

  async function journeyOf(caller: TestCaller, campaignId: string, contactId: string): Promise<JourneyView> {
    const response = await caller.get(`/campaigns/${campaignId}/contacts/${contactId}/journey`).expect(200);
    return response.body as JourneyView;
  }

  /** Enrols fresh contacts and waits until each journey waits for `go` (recorded, and live in the workflow). */
  async function waitingJourneys(plan: Plan, count: number, phone = true) {
    const journeys = [];
    for (let i = 0; i < count; i += 1) {
      const contactId = await insertContact(app, ws.workspaceId, { phone });
      const handle = await enrol(client, config.temporal.taskQueue, {
        workspaceId: ws.workspaceId,
        plan,
        contactId,
      });
      journeys.push({ contactId, handle });
    }
    for (const { contactId } of journeys)
      await waitFor(`journey of ${contactId} waiting for go`, async () => {
        const view = await journeyOf(ws.as.analyst, plan.campaignId, contactId);
        expect(view.enrollments[0]?.live).toMatchObject({ status: 'waiting', waitingFor: { kind: 'event' } });
      });
    return journeys;
  }

  async function signalsDelivered() {
    const queue = app.get<Queue>(getQueueToken(CAMPAIGN_STATE_SIGNALS_QUEUE));
    await waitFor('campaign state signalled to its journeys', async () => {
      const counts = await queue.getJobCounts();
      expect(counts.waiting + counts.active + counts.delayed).toBe(0);
    });
  }

  it('lists enrollments, filtered and paged, and shows where a contact is with its current wait', async () => {
    const plan = await publishWaitThenSms(app, ws.workspaceId, world.smsAccountId);
    const journeys = await waitingJourneys(plan, 3);
    const path = `/campaigns/${plan.campaignId}/enrollments`;

    const all = (await ws.as.analyst.get(path).expect(200)).body as { items: Enrollment[] };
    expect(all.items).toHaveLength(3);
    expect(new Set(all.items.map((item) => item.contactId))).toEqual(
      new Set(journeys.map((j) => j.contactId)),
    );
    expect(all.items.every((item) => item.status === 'active' && item.version === 1)).toBe(true);
    const step = all.items[0]!.currentStep!;

    const first = await ws.as.readKey.get(path).query({ limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await ws.as.readKey
      .get(path)
      .query({ limit: 2, cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect([...first.body.items, ...second.body.items].map((item: Enrollment) => item.id).sort()).toEqual(
      all.items.map((item) => item.id).sort(),
    );

    const count = async (query: Record<string, unknown>) =>
      ((await ws.as.analyst.get(path).query(query).expect(200)).body.items as unknown[]).length;
    expect(await count({ status: 'active', version: 1, step })).toBe(3);
    expect(await count({ version: 2 })).toBe(0);
    expect(await count({ status: 'exited' })).toBe(0);
    expect(await count({ exitReason: 'stopped' })).toBe(0);
    expect(await count({ failedAt: 'sms' })).toBe(0);
    const bad = await ws.as.analyst.get(path).query({ status: 'gone', cursor: 'nope' }).expect(422);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toContain('status');
    await ws.as.analyst.get(path).query({ cursor: 'nope' }).expect(422);

    const view = await journeyOf(ws.as.analyst, plan.campaignId, journeys[0]!.contactId);
    expect(view.enrollments).toHaveLength(1);
    expect(view.enrollments[0]).toMatchObject({
      status: 'active',
      version: 1,
      live: {
        available: true,
        status: 'waiting',
        stepId: 'wait',
        waitingFor: { kind: 'event', event: 'go' },
      },
    });
    expect(view.enrollments[0]!.path[0]).toMatchObject({ seq: 0, outcome: 'entered' });

    // Another workspace sees none of it.
    await other.as.admin.get(path).expect(404);
    await other.as.admin
      .get(`/campaigns/${plan.campaignId}/contacts/${journeys[0]!.contactId}/journey`)
      .expect(404);
    await ws.as.analyst.get(`/campaigns/${plan.campaignId}/contacts/${randomUUID()}/journey`).expect(404);
    await ws.as.analyst.get(`/campaigns/${randomUUID()}/enrollments`).expect(404);
  });

  it('answers the stored part, and says so, when Temporal does not answer; a cancel then is 503', async () => {
    const plan = await publishWaitThenSms(app, ws.workspaceId, world.smsAccountId);
    const [journey] = await waitingJourneys(plan, 1);
    // A Temporal address that accepts connections and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const offline = await createApp(testConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` }));
    await offline.init();
    try {
      const response = await request(offline.getHttpServer())
        .get(`/campaigns/${plan.campaignId}/contacts/${journey!.contactId}/journey`)
        .set('Authorization', `Bearer ${ws.keys.read}`)
        .expect(200);
      expect(response.body.enrollments[0]).toMatchObject({
        status: 'active',
        live: { available: false, unavailableBecause: 'temporal_unreachable' },
      });
      expect(response.body.enrollments[0].path[0]).toMatchObject({ outcome: 'entered' });
      await request(offline.getHttpServer())
        .post(`/campaigns/${plan.campaignId}/contacts/${journey!.contactId}/journey/cancel`)
        .set('Authorization', `Bearer ${ws.keys.write}`)
        .send({})
        .expect(503);
    } finally {
      await offline.close();
      silent.close();
    }
  });

  it('cancels one contact’s journey through the engine’s exit path, audited; analysts and other workspaces may not', async () => {
    const plan = await publishWaitThenSms(app, ws.workspaceId, world.smsAccountId);
    const [cancelled, untouched] = await waitingJourneys(plan, 2);
    const cancel = `/campaigns/${plan.campaignId}/contacts/${cancelled!.contactId}/journey/cancel`;

    await ws.as.analyst.post(cancel).send({}).expect(403);
    await other.as.admin.post(cancel).send({}).expect(404);
    const response = await ws.as.marketer.post(cancel).send({ comment: 'asked to stop' }).expect(202);
    expect(response.body.cancelled).toHaveLength(1);

    expect(await cancelled!.handle.result()).toMatchObject({ exitReason: 'stopped' });
    const view = await waitFor('the exit recorded', async () => {
      const journey = await journeyOf(ws.as.analyst, plan.campaignId, cancelled!.contactId);
      expect(journey.enrollments[0]).toMatchObject({ status: 'exited', exitReason: 'stopped' });
      return journey;
    });
    expect(view.enrollments[0]!.live).toEqual({ available: false, unavailableBecause: 'not_running' });
    expect(view.enrollments[0]!.path.at(-1)).toMatchObject({ outcome: 'exit:stopped' });

    const audit = (await app
      .get(DataSource)
      .query(
        `SELECT actor_id, details FROM audit_log WHERE target_id = $1 AND action = 'campaign.journey_cancelled'`,
        [plan.campaignId],
      )) as Array<{ actor_id: string; details: Record<string, unknown> }>;
    expect(audit).toEqual([
      {
        actor_id: ws.users.marketer.id,
        details: expect.objectContaining({ contactId: cancelled!.contactId, comment: 'asked to stop' }),
      },
    ]);

    await ws.as.admin.post(cancel).send({}).expect(409);
    const left = await journeyOf(ws.as.analyst, plan.campaignId, untouched!.contactId);
    expect(left.enrollments[0]).toMatchObject({ status: 'active', live: { status: 'waiting' } });
  });

  it('carries pause, resume and stop to running journeys: pause holds the next send, resume lets it go, stop exits', async () => {
    const plan = await publishWaitThenSms(app, ws.workspaceId, world.smsAccountId);
    // Without a phone, the send is blocked at once once it may go: no gateway is involved.
    const [sender, waiter] = await waitingJourneys(plan, 2, false);

    await ws.as.admin.post(`/campaigns/${plan.campaignId}/pause`).expect(200);
    await signalsDelivered();
    await sender!.handle.signal(JOURNEY_EVENT_SIGNAL, {
      id: randomUUID(),
      name: 'go',
      properties: {},
      occurredAt: new Date().toISOString(),
    });
    const held = await waitFor('the send held by the pause', async () => {
      const journey = await journeyOf(ws.as.analyst, plan.campaignId, sender!.contactId);
      expect(journey.enrollments[0]!.live).toMatchObject({ stepId: 'sms', waitingFor: { kind: 'paused' } });
      return journey;
    });
    expect(held.enrollments[0]!.path.map((entry) => entry.outcome)).not.toContain('sent');

    await ws.as.admin.post(`/campaigns/${plan.campaignId}/resume`).expect(200);
    const result = await sender!.handle.result();
    expect(result.exitReason).toBe('done');
    const outcomes = result.path.filter((entry) => entry.stepId === 'sms').map((entry) => entry.outcome);
    expect(outcomes).toEqual(['held', 'blocked']);
    const failed = await ws.as.analyst
      .get(`/campaigns/${plan.campaignId}/enrollments`)
      .query({ failedAt: 'sms' })
      .expect(200);
    expect(failed.body.items.map((item: Enrollment) => item.contactId)).toEqual([sender!.contactId]);

    // The waiter waits 30 days for `go`: only the stop signal ends it within the test.
    await ws.as.admin.post(`/campaigns/${plan.campaignId}/stop`).expect(200);
    expect(await waiter!.handle.result()).toMatchObject({ exitReason: 'stopped' });
    await waitFor('every enrollment exited', async () => {
      const active = await ws.as.analyst
        .get(`/campaigns/${plan.campaignId}/enrollments`)
        .query({ status: 'active' })
        .expect(200);
      expect(active.body.items).toEqual([]);
    });
    const stopped = await ws.as.analyst
      .get(`/campaigns/${plan.campaignId}/enrollments`)
      .query({ exitReason: 'stopped' })
      .expect(200);
    expect(stopped.body.items.map((item: Enrollment) => item.contactId)).toEqual([waiter!.contactId]);
  });

  it('signals every active journey page by page, skipping journeys that ended meanwhile', async () => {
    const plan = await publishWaitThenSms(app, ws.workspaceId, world.smsAccountId);
    const journeys = await waitingJourneys(plan, 3);
    // One journey ends without the enrollment knowing yet: its workflow is gone, the row still says active.
    await journeys[0]!.handle.terminate('test');
    await app
      .get(DataSource)
      .query(`UPDATE campaigns SET state = 'stopped' WHERE id = $1`, [plan.campaignId]);

    const processor = app.get(CampaignStateSignalsProcessor);
    expect(await processor.signalCampaign(ws.workspaceId, plan.campaignId, 1)).toEqual({
      state: 'stopped',
      signalled: 2,
    });
    for (const journey of journeys.slice(1))
      expect(await journey.handle.result()).toMatchObject({ exitReason: 'stopped' });
  });
});
