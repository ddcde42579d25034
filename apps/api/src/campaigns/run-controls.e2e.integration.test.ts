import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { freePort, waitFor } from '@loa/testing';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { CAMPAIGN_STATE_SIGNALS_QUEUE } from '../campaign-runs/campaign-state-signals.queue';
import { sandboxEsmsConfig, startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { createWorkerApp } from '../worker/create-worker-app';
import { waitThenSmsGraph, type WaitThenSms } from './testing/wait-then-sms-graph';

interface Enrollment {
  contactId: string;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
  version: number | null;
}
interface JourneyView {
  enrollments: Array<
    Enrollment & {
      path: Array<{ stepId: string; outcome: string; detail: string | null }>;
      live: { available: boolean; status?: string; stepId?: string | null; waitingFor?: { kind: string } };
    }
  >;
}
interface LedgerRow {
  contactId: string | null;
  channel: string;
  recipient: string | null;
  stepId: string | null;
  campaignVersion: number | null;
}
interface Contact {
  id: string;
  externalId: string;
  name: string;
  phone: string;
}

/**
 * Issue 10 §6, run controls on journeys in the middle of their run, through HTTP where a user would: campaigns are
 * drafted by a marketer and approved by an admin; contacts enter by a tracked event or by API; each journey waits
 * for `email.verified` (a day at most) and then sends an SMS through the sandbox's eSMS. The wait's event, tracked
 * by the test, is what moves a journey to its send, so pause, resume, stop and a new version act while journeys
 * wait, and the ledger, the enrollments, the step events and the sandbox inbox show what each did.
 */
describe('issue 10 §6: pause, resume, stop and a new version, on journeys in the middle of their run', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let ws: TestWorkspace;
  let accounts: Pick<WaitThenSms, 'accountId' | 'brandName'>;
  const run = randomUUID().slice(0, 6);
  let phones = 0;

  beforeAll(async () => {
    const port = await freePort();
    const publicApiUrl = `http://127.0.0.1:${port}`;
    sandbox = await startZaloTestSandbox({ publicApiUrl, receiptDelayMs: 20 });
    const config = testConfig({ LOA_PUBLIC_API_URL: publicApiUrl, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' });
    app = await createApp(config);
    await app.listen(port, '127.0.0.1');
    worker = await createWorkerApp(config);
    ws = await seedTestWorkspace(app);
    const esmsConfig = sandboxEsmsConfig(sandbox);
    const esms = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'esms', name: 'eSMS CSKH', config: esmsConfig })
      .expect(201);
    accounts = { accountId: esms.body.id as string, brandName: esmsConfig.brandname as string };
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await sandbox?.close();
  });

  async function newContacts(count: number): Promise<Contact[]> {
    const created: Contact[] = [];
    for (let i = 0; i < count; i += 1) {
      phones += 1;
      const externalId = `kh-${run}-${phones}`;
      const name = `Khach ${phones}`;
      const response = await ws.as.marketer
        .post('/contacts')
        .send({ externalId, phone: `84912003${String(phones).padStart(3, '0')}`, name })
        .expect(201);
      created.push({
        id: response.body.id as string,
        externalId,
        name,
        phone: response.body.phone as string,
      });
    }
    return created;
  }

  /** A marketer drafts and submits the campaign, an admin approves it: version 1 is live. */
  async function launch(name: string, graph: unknown): Promise<string> {
    const created = await ws.as.marketer
      .post('/campaigns')
      .send({ name: `${name} ${run}`, graph })
      .expect(201);
    const id = created.body.id as string;
    await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200);
    const approved = await ws.as.admin.post(`/campaigns/${id}/approve`).send({}).expect(200);
    expect([approved.body.version.version, approved.body.campaign.state]).toEqual([1, 'active']);
    return id;
  }

  const trackedIds: string[] = [];
  async function track(contact: Contact, event: string, properties: Record<string, unknown> = {}) {
    const messageId = `m-${randomUUID()}`;
    trackedIds.push(messageId);
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId, userId: contact.externalId, event, properties })
      .expect(200);
  }

  /** Every event tracked so far is stored and routed to campaigns and running journeys. */
  async function eventsRouted(): Promise<void> {
    const db = app.get(DataSource);
    await waitFor('tracked events routed to the journeys', async () => {
      const [row] = (await db.query(
        `SELECT count(*)::int AS stored, max(e.processed_seq) <= max(c.processed_seq) AS routed
           FROM events e JOIN event_routing_cursors c ON c.workspace_id = e.workspace_id
          WHERE e.workspace_id = $1 AND e.message_id = ANY($2) AND e.processed_seq IS NOT NULL`,
        [ws.workspaceId, trackedIds],
      )) as Array<{ stored: number; routed: boolean | null }>;
      expect(row).toEqual({ stored: trackedIds.length, routed: true });
    });
  }

  async function journeyOf(campaignId: string, contact: Contact): Promise<JourneyView['enrollments'][0]> {
    const response = await ws.as.analyst
      .get(`/campaigns/${campaignId}/contacts/${contact.id}/journey`)
      .expect(200);
    const [enrollment, ...others] = (response.body as JourneyView).enrollments;
    expect([enrollment !== undefined, others]).toEqual([true, []]);
    return enrollment as JourneyView['enrollments'][0];
  }

  /** Each contact's journey is live and waits for the given kind (`event`: the wait step, `paused`: a held send). */
  async function waitingAt(campaignId: string, contacts: Contact[], kind: string, stepId: string) {
    for (const contact of contacts)
      await waitFor(`${contact.externalId} waiting (${kind}) at ${stepId}`, async () => {
        const journey = await journeyOf(campaignId, contact);
        expect(journey.live).toMatchObject({ status: 'waiting', stepId, waitingFor: { kind } });
      });
  }

  async function enrollments(campaignId: string, query: Record<string, string> = {}): Promise<Enrollment[]> {
    const list = await ws.as.analyst
      .get(`/campaigns/${campaignId}/enrollments`)
      .query({ limit: 100, ...query })
      .expect(200);
    return list.body.items as Enrollment[];
  }

  async function allExited(campaignId: string, count: number): Promise<Enrollment[]> {
    return waitFor('every journey exited', async () => {
      const rows = await enrollments(campaignId);
      expect(rows).toHaveLength(count);
      expect(rows.filter((row) => row.status !== 'exited')).toEqual([]);
      return rows;
    });
  }

  async function ledger(campaignId: string): Promise<LedgerRow[]> {
    const response = await ws.as.analyst.get('/messages').query({ campaignId, limit: 200 }).expect(200);
    return response.body.items as LedgerRow[];
  }

  const smsTexts = (contacts: Contact[]) =>
    contacts.flatMap((contact) =>
      sandbox
        .inbox({ channel: 'esms', recipient: contact.phone })
        .map((message) => `${contact.externalId}: ${String(message.content.Content)}`),
    );

  const nameOf = (contacts: Contact[]) => (contactId: string | null) =>
    contacts.find((contact) => contact.id === contactId)?.externalId ?? String(contactId);

  it('pause holds journeys that reach their send; resume sends each message exactly once', async () => {
    const id = await launch(
      'Chào mừng',
      waitThenSmsGraph({
        ...accounts,
        trigger: { type: 'trigger.event', data: { event: 'signup.completed' } },
        text: 'Chao {{ contact.name }}, tai khoan da san sang',
      }),
    );
    const contacts = await newContacts(3);
    for (const contact of contacts) await track(contact, 'signup.completed');
    await waitingAt(id, contacts, 'event', 'wait');

    await ws.as.admin.post(`/campaigns/${id}/pause`).expect(200);
    for (const contact of contacts) await track(contact, 'email.verified');
    await waitingAt(id, contacts, 'paused', 'sms');
    expect(await ledger(id)).toEqual([]);
    expect(smsTexts(contacts)).toEqual([]);
    // A paused campaign takes no new entries: its trigger event enters nobody.
    const [late] = (await newContacts(1)) as [Contact];
    await track(late, 'signup.completed');
    await eventsRouted();
    expect((await enrollments(id)).map((row) => row.contactId).sort()).toEqual(
      contacts.map((contact) => contact.id).sort(),
    );

    await ws.as.admin.post(`/campaigns/${id}/resume`).expect(200);
    const exited = await allExited(id, contacts.length);
    expect(exited.map((row) => `${row.currentStep} ${row.exitReason}`)).toEqual(
      contacts.map(() => 'done done'),
    );
    for (const contact of contacts)
      expect((await journeyOf(id, contact)).path.map((step) => `${step.stepId} ${step.outcome}`)).toEqual([
        'wait entered',
        'wait waiting',
        'wait matched',
        'sms held',
        'sms sent',
        'done exit:done',
      ]);
    const name = nameOf(contacts);
    expect(
      (await ledger(id)).map((row) => `${name(row.contactId)} ${row.stepId} v${row.campaignVersion}`).sort(),
    ).toEqual(contacts.map((contact) => `${contact.externalId} sms v1`).sort());
    expect(smsTexts(contacts)).toEqual(
      contacts.map((contact) => `${contact.externalId}: Chao ${contact.name}, tai khoan da san sang`),
    );
  });

  it('stop exits every running journey, waiting or held at a send, with reason stopped; nothing more is sent', async () => {
    const id = await launch(
      'Xác minh e-mail',
      waitThenSmsGraph({
        ...accounts,
        trigger: { type: 'trigger.manual', data: {} },
        text: 'Cam on {{ contact.name }} da xac minh e-mail',
      }),
    );
    const contacts = await newContacts(4);
    const [sent, held, ...waiting] = contacts as [Contact, Contact, Contact, Contact];
    const enrolled = await ws.as.marketer
      .post(`/campaigns/${id}/enrollments`)
      .send({ contactIds: contacts.map((contact) => contact.id) })
      .expect(200);
    expect(enrolled.body).toMatchObject({ started: 4, skipped: 0 });
    await waitingAt(id, contacts, 'event', 'wait');

    // One journey finishes before anything happens; one reaches its send while the campaign is paused.
    await track(sent, 'email.verified');
    await waitFor('the first journey exited after its send', async () => {
      expect(await journeyOf(id, sent)).toMatchObject({ status: 'exited', exitReason: 'done' });
    });
    await ws.as.admin.post(`/campaigns/${id}/pause`).expect(200);
    await track(held, 'email.verified');
    await waitingAt(id, [held], 'paused', 'sms');

    const stopped = await ws.as.admin.post(`/campaigns/${id}/stop`).expect(200);
    expect(stopped.body.state).toBe('stopped');
    const name = nameOf(contacts);
    const exited = await allExited(id, contacts.length);
    expect(exited.map((row) => `${name(row.contactId)} ${row.currentStep} ${row.exitReason}`).sort()).toEqual(
      [
        `${sent.externalId} done done`,
        `${held.externalId} sms stopped`,
        `${waiting[0].externalId} wait stopped`,
        `${waiting[1].externalId} wait stopped`,
      ].sort(),
    );
    expect(
      (await enrollments(id, { exitReason: 'stopped' })).map((row) => name(row.contactId)).sort(),
    ).toEqual([held, ...waiting].map((contact) => contact.externalId).sort());
    const path = async (contact: Contact) =>
      (await journeyOf(id, contact)).path.map((step) => `${step.stepId} ${step.outcome}`);
    expect(await path(held)).toEqual([
      'wait entered',
      'wait waiting',
      'wait matched',
      'sms held',
      'sms exit:stopped',
    ]);
    for (const contact of waiting)
      expect(await path(contact)).toEqual(['wait entered', 'wait waiting', 'wait exit:stopped']);

    // The event the stopped journeys waited for, and a new entry, change nothing.
    for (const contact of waiting) await track(contact, 'email.verified');
    await eventsRouted();
    await ws.as.marketer
      .post(`/campaigns/${id}/enrollments`)
      .send({ contactIds: [waiting[0].id] })
      .expect(409);
    expect(await enrollments(id)).toHaveLength(contacts.length);
    expect((await ledger(id)).map((row) => `${name(row.contactId)} ${row.stepId}`)).toEqual([
      `${sent.externalId} sms`,
    ]);
    expect(smsTexts(contacts)).toEqual([`${sent.externalId}: Cam on ${sent.name} da xac minh e-mail`]);
  });

  it('a version published mid-run leaves running journeys on theirs; new entries take the new one', async () => {
    const v1 = waitThenSmsGraph({
      ...accounts,
      trigger: { type: 'trigger.event', data: { event: 'order.placed' } },
      text: 'V1 {{ contact.name }}: don hang dang duoc chuan bi',
    });
    const id = await launch('Xác nhận đơn', v1);
    const contacts = await newContacts(4);
    const [onV1, onV2] = [contacts.slice(0, 2), contacts.slice(2)] as [[Contact, Contact], Contact[]];
    for (const contact of onV1) await track(contact, 'order.placed');
    await waitingAt(id, onV1, 'event', 'wait');

    // The marketer rewrites the message under a new step, submits, the admin approves: version 2 goes live.
    const draft = await ws.as.marketer.get(`/campaigns/${id}/draft`).expect(200);
    const v2 = waitThenSmsGraph({
      ...accounts,
      trigger: { type: 'trigger.event', data: { event: 'order.placed' } },
      smsStepId: 'sms-v2',
      text: 'V2 {{ contact.name }}: cam on ban da dat hang',
    });
    await ws.as.marketer
      .put(`/campaigns/${id}/draft`)
      .send({ revision: draft.body.revision, graph: v2 })
      .expect(200);
    const submitted = await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200);
    expect(submitted.body.state).toBe('active');
    const approved = await ws.as.admin.post(`/campaigns/${id}/approve`).send({}).expect(200);
    expect([approved.body.created, approved.body.version.version, approved.body.campaign.state]).toEqual([
      true,
      2,
      'active',
    ]);

    for (const contact of onV2) await track(contact, 'order.placed');
    // The entry event again, for a contact already on version 1, starts nothing new.
    await track(onV1[0], 'order.placed');
    await waitingAt(id, onV2, 'event', 'wait');
    for (const contact of contacts) await track(contact, 'email.verified');

    const name = nameOf(contacts);
    const exited = await allExited(id, contacts.length);
    expect(exited.map((row) => `${name(row.contactId)} v${row.version} ${row.exitReason}`).sort()).toEqual(
      contacts.map((contact, i) => `${contact.externalId} v${i < 2 ? 1 : 2} done`).sort(),
    );
    for (const contact of contacts) {
      const sms = onV1.includes(contact) ? 'sms' : 'sms-v2';
      expect((await journeyOf(id, contact)).path.map((step) => `${step.stepId} ${step.outcome}`)).toEqual([
        'wait entered',
        'wait waiting',
        'wait matched',
        `${sms} sent`,
        'done exit:done',
      ]);
    }
    expect(
      (await ledger(id)).map((row) => `${name(row.contactId)} ${row.stepId} v${row.campaignVersion}`).sort(),
    ).toEqual(
      [
        ...onV1.map((contact) => `${contact.externalId} sms v1`),
        ...onV2.map((contact) => `${contact.externalId} sms-v2 v2`),
      ].sort(),
    );
    expect(smsTexts(contacts)).toEqual([
      ...onV1.map((contact) => `${contact.externalId}: V1 ${contact.name}: don hang dang duoc chuan bi`),
      ...onV2.map((contact) => `${contact.externalId}: V2 ${contact.name}: cam on ban da dat hang`),
    ]);
  });

  it('a send that starts once pause or stop has answered holds or leaves, before any signal reaches the journey', async () => {
    const id = await launch(
      'Xác minh e-mail, tạm dừng ngay',
      waitThenSmsGraph({
        ...accounts,
        trigger: { type: 'trigger.manual', data: {} },
        text: 'Cam on {{ contact.name }}',
      }),
    );
    const contacts = await newContacts(2);
    const [early, late] = contacts as [Contact, Contact];
    await ws.as.marketer
      .post(`/campaigns/${id}/enrollments`)
      .send({ contactIds: contacts.map((contact) => contact.id) })
      .expect(200);
    await waitingAt(id, contacts, 'event', 'wait');

    // The signalling job stands still: the journeys hear of neither the pause nor the stop.
    const signals = app.get<Queue>(getQueueToken(CAMPAIGN_STATE_SIGNALS_QUEUE));
    await signals.pause();
    try {
      await ws.as.admin.post(`/campaigns/${id}/pause`).expect(200);
      await track(early, 'email.verified');
      await waitingAt(id, [early], 'paused', 'sms');
      expect(await ledger(id)).toEqual([]);

      await ws.as.admin.post(`/campaigns/${id}/stop`).expect(200);
      await track(late, 'email.verified');
      // The send read "stopped": the journey leaves without the signal, which the early one still waits for.
      await waitFor(`${late.externalId} left`, async () => {
        const { path } = await journeyOf(id, late);
        if (path.at(-1)?.outcome !== 'exit:stopped') throw new Error(JSON.stringify(path.at(-1)));
      });
      await waitingAt(id, [early], 'paused', 'sms');
    } finally {
      await signals.resume();
    }

    const name = nameOf(contacts);
    const exited = await allExited(id, contacts.length);
    expect(exited.map((row) => `${name(row.contactId)} ${row.currentStep} ${row.exitReason}`).sort()).toEqual(
      [`${early.externalId} sms stopped`, `${late.externalId} sms stopped`].sort(),
    );
    for (const [contact, state] of [
      [early, 'paused'],
      [late, 'stopped'],
    ] as const)
      expect(
        (await journeyOf(id, contact)).path.map((step) => `${step.stepId} ${step.outcome} ${step.detail}`),
      ).toEqual([
        'wait entered null',
        expect.stringMatching(/^wait waiting /),
        expect.stringMatching(/^wait matched /),
        `sms held campaign ${state}`,
        'sms exit:stopped null',
      ]);
    expect(await ledger(id)).toEqual([]);
    expect(smsTexts(contacts)).toEqual([]);
  });
});
