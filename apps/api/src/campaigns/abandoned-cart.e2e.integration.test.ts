import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { freePort, waitFor } from '@loa/testing';
import {
  connectedSandboxOa,
  sandboxEsmsConfig,
  startZaloTestSandbox,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { createWorkerApp } from '../worker/create-worker-app';
import { abandonedCartGraph, CART_TEMPLATE } from './testing/abandoned-cart-graph';

interface Enrollment {
  contactId: string;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
  version: number;
}
interface LedgerRow {
  contactId: string | null;
  channel: string;
  status: string;
  recipient: string | null;
  stepId: string | null;
  campaignVersion: number | null;
  error: unknown;
}
interface PathStep {
  stepId: string;
  outcome: string;
}

/**
 * Issue 10 §6, abandoned cart, through HTTP where a user would: a marketer drafts the example campaign on the
 * workspace's connected OA and eSMS account, validates it, submits it, an admin approves it; `cart.abandoned`
 * arrives through /v1/track for four contacts; one pays within the window and gets nothing; two get the ZNS reminder
 * with its mapped params; the one without Zalo (the sandbox answers -118 for the phones in its `phonesNotOnZalo`)
 * gets the SMS fallback. The ledger, the recorded step events and the sandbox inbox then agree exactly. The wait is
 * the schema's shortest (one minute): the dev server runs on real time.
 */
describe('issue 10 §6: abandoned cart, from a tracked event to ZNS or the SMS fallback', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let ws: TestWorkspace;
  let campaignId: string;
  const run = randomUUID().slice(0, 6);

  beforeAll(async () => {
    const port = await freePort();
    const publicApiUrl = `http://127.0.0.1:${port}`;
    sandbox = await startZaloTestSandbox(
      { publicApiUrl, znsNightWindow: false, receiptDelayMs: 20 },
      (seed) => {
        seed.zalo[0]?.oas[0]?.templates.push(CART_TEMPLATE);
      },
    );
    const config = testConfig({ LOA_PUBLIC_API_URL: publicApiUrl, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' });
    app = await createApp(config);
    await app.listen(port, '127.0.0.1');
    worker = await createWorkerApp(config);
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await sandbox?.close();
  });

  const contacts = {
    lan: {
      name: 'Nguyễn Thị Lan',
      phone: '84912000101',
      orderId: `GH-${run}-1`,
      total: 450000,
      item: 'Áo dài lụa',
    },
    minh: {
      name: 'Trần Văn Minh',
      phone: '84912000102',
      orderId: `GH-${run}-2`,
      total: 120000,
      item: 'Nón lá',
    },
    hoa: { name: 'Lê Thị Hoa', phone: '84912000103', orderId: `GH-${run}-3`, total: 990000, item: 'Túi cói' },
    /** The sandbox's first phone without a Zalo account: ZNS answers -118. */
    tuan: {
      name: 'Phạm Văn Tuấn',
      phone: '84900000099',
      orderId: `GH-${run}-4`,
      total: 75000,
      item: 'Quạt giấy',
    },
  };
  type Name = keyof typeof contacts;
  const ids = {} as Record<Name, string>;

  async function track(name: Name, event: string, properties: Record<string, unknown>): Promise<void> {
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: `m-${randomUUID()}`, userId: `kh-${run}-${name}`, event, properties })
      .expect(200);
  }

  async function enrollments(): Promise<Enrollment[]> {
    const list = await ws.as.analyst
      .get(`/campaigns/${campaignId}/enrollments`)
      .query({ limit: 100 })
      .expect(200);
    return list.body.items as Enrollment[];
  }

  it('drafts, validates, submits and approves the campaign on the workspace accounts and template', async () => {
    const oaId = await connectedSandboxOa({ sandbox, ws });
    const esms = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'esms', name: 'eSMS CSKH', config: sandboxEsmsConfig(sandbox) })
      .expect(201);
    const templates = await ws.as.marketer.get('/templates/zns').query({ accountId: oaId }).expect(200);
    expect(templates.body.items.map((t: { templateId: string }) => t.templateId)).toContain(
      CART_TEMPLATE.templateId,
    );
    for (const [name, c] of Object.entries(contacts)) {
      const created = await ws.as.marketer
        .post('/contacts')
        .send({ externalId: `kh-${run}-${name}`, phone: c.phone, name: c.name })
        .expect(201);
      ids[name as Name] = created.body.id as string;
    }

    const graph = abandonedCartGraph({ znsAccountId: oaId, smsAccountId: esms.body.id as string });
    // A first draft without the SMS fallback; the saved one adds it.
    const withoutSms = { ...graph, nodes: graph.nodes.slice(0, -1), edges: graph.edges.slice(0, -1) };
    const created = await ws.as.marketer
      .post('/campaigns')
      .send({ name: `Giỏ hàng bỏ quên ${run}`, graph: withoutSms })
      .expect(201);
    campaignId = created.body.id as string;
    const saved = await ws.as.marketer
      .put(`/campaigns/${campaignId}/draft`)
      .send({ revision: created.body.draftRevision, graph })
      .expect(200);
    expect(saved.body.revision).toBe(created.body.draftRevision + 1);

    const validated = await ws.as.marketer.post(`/campaigns/${campaignId}/validate`).send({}).expect(200);
    const errors = (validated.body.diagnostics as Array<{ severity: string }>).filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);

    await ws.as.marketer.post(`/campaigns/${campaignId}/publish`).expect(403);
    const submitted = await ws.as.marketer.post(`/campaigns/${campaignId}/submit`).expect(200);
    expect(submitted.body.state).toBe('pending_approval');
    const approved = await ws.as.admin.post(`/campaigns/${campaignId}/approve`).send({}).expect(200);
    expect([approved.body.created, approved.body.version.version, approved.body.campaign.state]).toEqual([
      true,
      1,
      'active',
    ]);
  });

  it('reminds by ZNS with mapped params, falls back to SMS without Zalo, and spares the contact who paid', async () => {
    for (const [name, c] of Object.entries(contacts))
      await track(name as Name, 'cart.abandoned', { orderId: c.orderId, total: c.total, firstItem: c.item });

    await waitFor('four journeys recorded', async () => {
      const rows = await enrollments();
      if (rows.length < 4) throw new Error(`${rows.length} enrollments`);
    });
    await track('hoa', 'order.paid', { orderId: contacts.hoa.orderId });

    const exited = await waitFor(
      'every journey exited',
      async () => {
        const rows = await enrollments();
        if (rows.some((row) => row.status !== 'exited')) throw new Error(JSON.stringify(rows));
        return rows;
      },
      150_000,
      1_000,
    );

    // Enrollments: one per contact, and where each journey ended.
    const names = Object.keys(contacts) as Name[];
    const nameOf = (contactId: string | null) => names.find((name) => ids[name] === contactId) ?? contactId;
    expect(
      exited
        .map((row) => `${nameOf(row.contactId)} v${row.version} ${row.currentStep} ${row.exitReason}`)
        .sort(),
    ).toEqual([
      'hoa v1 wait-paid goal',
      // A send without a next step leaves through the compiler's implicit exit step.
      'lan v1 $exit:completed completed',
      'minh v1 $exit:completed completed',
      'tuan v1 $exit:completed completed',
    ]);

    // Step events ("where is this contact"): each path, step by step.
    const paths: Record<string, string[]> = {};
    for (const name of names) {
      const journey = await ws.as.analyst
        .get(`/campaigns/${campaignId}/contacts/${ids[name]}/journey`)
        .expect(200);
      expect(journey.body.enrollments).toHaveLength(1);
      paths[name] = (journey.body.enrollments[0].path as PathStep[]).map(
        (step) => `${step.stepId} ${step.outcome}`,
      );
    }
    const reminded = [
      'wait-paid entered',
      'wait-paid waiting',
      'wait-paid timeout',
      'zns-reminder sent',
      '$exit:completed exit:completed',
    ];
    expect(paths).toEqual({
      hoa: ['wait-paid entered', 'wait-paid waiting', 'wait-paid converted', 'wait-paid exit:goal'],
      lan: reminded,
      minh: reminded,
      tuan: [
        'wait-paid entered',
        'wait-paid waiting',
        'wait-paid timeout',
        'zns-reminder failed',
        'sms-reminder sent',
        '$exit:completed exit:completed',
      ],
    });

    // The ledger: the campaign's messages, one per contact and channel.
    const ledger = await ws.as.analyst.get('/messages').query({ campaignId, limit: 200 }).expect(200);
    const rows = ledger.body.items as LedgerRow[];
    const summary = (list: LedgerRow[]) =>
      list
        .map(
          (row) =>
            `${nameOf(row.contactId)} ${row.channel} ${row.stepId} ${row.campaignVersion} ${outcome(row)}`,
        )
        .sort();
    const outcome = (row: LedgerRow) =>
      ['sent', 'delivered', 'seen'].includes(row.status) ? 'sent' : row.status;
    expect(summary(rows)).toEqual([
      'lan zns zns-reminder 1 sent',
      'minh zns zns-reminder 1 sent',
      'tuan sms sms-reminder 1 sent',
      'tuan zns zns-reminder 1 failed',
    ]);
    const notOnZalo = rows.find((row) => row.channel === 'zns' && row.status === 'failed');
    expect(JSON.stringify(notOnZalo?.error)).toContain('-118');

    // The sandbox inbox: exactly what the ledger says was sent, with the mapped params.
    const inbox = [...sandbox.inbox({ channel: 'zns' }), ...sandbox.inbox({ channel: 'esms' })];
    const recipients = inbox.map((message) => `${message.channel} ${message.recipient}`).sort();
    const sent = rows
      .filter((row) => outcome(row) === 'sent')
      .map((row) => `${row.channel === 'sms' ? 'esms' : row.channel} ${row.recipient}`)
      .sort();
    expect(recipients).toEqual(sent);
    expect(recipients).toEqual([
      `esms ${contacts.tuan.phone}`,
      `zns ${contacts.lan.phone}`,
      `zns ${contacts.minh.phone}`,
    ]);
    const znsTo = (name: 'lan' | 'minh') =>
      sandbox.inbox({ channel: 'zns', recipient: contacts[name].phone })[0]?.content.template_data;
    expect(znsTo('lan')).toEqual({
      customer_name: 'Nguyễn Thị Lan',
      order_code: contacts.lan.orderId,
      cart_total: '450000đ',
      product_name: 'Áo dài lụa',
    });
    expect(znsTo('minh')).toMatchObject({
      customer_name: 'Trần Văn Minh',
      order_code: contacts.minh.orderId,
    });
    const [sms] = sandbox.inbox({ channel: 'esms', recipient: contacts.tuan.phone });
    expect(JSON.stringify(sms?.content)).toContain(contacts.tuan.orderId);
  }, 200_000);
});
