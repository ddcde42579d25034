import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ZNS_ERRORS } from '@loa/connectors';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { freePort, waitFor } from '@loa/testing';
import { DataSource } from 'typeorm';
import { CART_TEMPLATE } from '../campaigns/testing/abandoned-cart-graph';
import { connectedSandboxOa, startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { createWorkerApp } from '../worker/create-worker-app';
import type {
  CampaignOverview,
  ChannelReport,
  NodeReport,
  SeriesReport,
  SplitReport,
} from './reports.schemas';

interface Enrollment {
  contactId: string;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
}

const zns = (id: string, znsAccountId: string) => ({
  id,
  type: 'send.zns',
  position: { x: 0, y: 300 },
  data: {
    label: `ZNS ${id}`,
    accountId: znsAccountId,
    templateId: CART_TEMPLATE.templateId,
    params: { customer_name: '{{ contact.name }}', order_code: 'KM-12', cart_total: '0đ', product_name: id },
    purpose: 'care',
  },
});

/**
 * trigger.manual → A/B split → one ZNS per variant → wait for order.paid (a day) → exit `paid`; the goal is
 * order.paid within three days. An unconnected failure handle ends a failed send's journey as `failed`.
 */
function splitGraph(znsAccountId: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Danh sách' } },
      {
        id: 'split',
        type: 'branch.split',
        position: { x: 0, y: 150 },
        data: {
          label: 'Thử A/B',
          variants: [
            { id: 'a', label: 'Mẫu A', weight: 50 },
            { id: 'b', label: 'Mẫu B', weight: 50 },
          ],
        },
      },
      zns('zns-a', znsAccountId),
      zns('zns-b', znsAccountId),
      {
        id: 'wait-paid',
        type: 'wait.event',
        position: { x: 0, y: 450 },
        data: { label: 'Chờ thanh toán', event: 'order.paid', timeout: { amount: 1, unit: 'days' } },
      },
      {
        id: 'exit-paid',
        type: 'flow.exit',
        position: { x: 0, y: 600 },
        data: { label: 'Đã mua', reason: 'paid' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'split' },
      { id: 'e2', source: 'split', sourceHandle: 'a', target: 'zns-a' },
      { id: 'e3', source: 'split', sourceHandle: 'b', target: 'zns-b' },
      { id: 'e4', source: 'zns-a', sourceHandle: 'success', target: 'wait-paid' },
      { id: 'e5', source: 'zns-b', sourceHandle: 'success', target: 'wait-paid' },
      { id: 'e6', source: 'wait-paid', sourceHandle: 'matched', target: 'exit-paid' },
    ],
    settings: {
      timezone: 'Asia/Ho_Chi_Minh',
      goal: { event: 'order.paid', window: { amount: 3, unit: 'days' }, exitOnGoal: false },
    },
  };
}

/**
 * Issue 12 §3 on the dev server, the API, the worker and the sandbox: six contacts go through an A/B split to a
 * ZNS each (one fails with -131), two pay (conversions), one journey is cancelled, two still wait. Every report
 * figure equals what the enrollments, step events, ledger rows and sandbox inbox show.
 */
describe('issue 12 §3: campaign reports from a real run', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;
  let campaignId: string;
  const run = randomUUID().slice(0, 6);
  const contacts = {
    lan: { name: 'Nguyễn Thị Lan', phone: '84912000301' },
    minh: { name: 'Trần Văn Minh', phone: '84912000302' },
    hoa: { name: 'Lê Thị Hoa', phone: '84912000303' },
    tuan: { name: 'Phạm Văn Tuấn', phone: '84912000304' },
    mai: { name: 'Đỗ Thị Mai', phone: '84912000305' },
    binh: { name: 'Vũ Văn Bình', phone: '84912000306' },
  };
  type Name = keyof typeof contacts;
  const names = Object.keys(contacts) as Name[];
  const ids = {} as Record<Name, string>;

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
    other = await seedTestWorkspace(app, 'Other workspace');
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await sandbox?.close();
  });

  async function enrollments(): Promise<Enrollment[]> {
    const list = await ws.as.analyst
      .get(`/campaigns/${campaignId}/enrollments`)
      .query({ limit: 100 })
      .expect(200);
    return list.body.items as Enrollment[];
  }

  const settled = (count: number, ready: (rows: Enrollment[]) => boolean, what: string) =>
    waitFor(
      what,
      async () => {
        const rows = await enrollments();
        if (rows.length < count || !ready(rows)) throw new Error(JSON.stringify(rows));
        return rows;
      },
      60_000,
      250,
    );

  const report = async <T>(path: string, query: Record<string, string | number> = {}) =>
    (await ws.as.analyst.get(`/reports/campaigns/${campaignId}${path}`).query(query).expect(200)).body as T;

  async function track(name: Name, event: string): Promise<void> {
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: `m-${randomUUID()}`, userId: `kh-${run}-${name}`, event, properties: {} })
      .expect(200);
  }

  async function stepEvents() {
    return (await db.query(
      `SELECT s.enrollment_id, s.seq, s.step_id, s.outcome, e.converted FROM step_events s
       JOIN enrollments e ON e.id = s.enrollment_id WHERE e.campaign_id = $1 ORDER BY s.enrollment_id, s.seq`,
      [campaignId],
    )) as Array<{ enrollment_id: string; seq: number; step_id: string; outcome: string; converted: boolean }>;
  }

  async function ledger() {
    return (await db.query(
      `SELECT step_id, status, error_code, cost, cost_currency, sent_at FROM messages
       WHERE workspace_id = $1 AND campaign_id = $2`,
      [ws.workspaceId, campaignId],
    )) as Array<{
      step_id: string;
      status: string;
      error_code: string | null;
      cost: string | null;
      cost_currency: string | null;
      sent_at: Date | null;
    }>;
  }

  it('runs the campaign: five ZNS sent and delivered, one refused (-131), two pay, one is cancelled', async () => {
    const oaId = await connectedSandboxOa({ sandbox, ws });
    // Zalo posts the OA's delivery receipts to the account's webhook.
    const account = await ws.as.admin.get(`/channel-accounts/${oaId}`).expect(200);
    sandbox.seed.zalo[0]!.webhookUrl = account.body.webhookUrl as string;
    for (const name of names) {
      const created = await ws.as.marketer
        .post('/contacts')
        .send({ externalId: `kh-${run}-${name}`, ...contacts[name] })
        .expect(201);
      ids[name] = created.body.id as string;
    }
    const created = await ws.as.marketer
      .post('/campaigns')
      .send({ name: `Thử A/B ${run}`, graph: splitGraph(oaId) })
      .expect(201);
    campaignId = created.body.id as string;
    await ws.as.marketer.post(`/campaigns/${campaignId}/submit`).expect(200);
    await ws.as.admin.post(`/campaigns/${campaignId}/approve`).send({}).expect(200);
    sandbox.addFault({ channel: 'zns', recipients: [contacts.hoa.phone], code: -131 });

    await ws.as.marketer
      .post(`/campaigns/${campaignId}/enrollments`)
      .send({ contactIds: names.map((name) => ids[name]) })
      .expect(200);
    await settled(
      6,
      (rows) => rows.every((row) => row.status === 'exited' || row.currentStep === 'wait-paid'),
      'every journey waits for payment or has failed',
    );
    await waitFor(
      'receipts for the five sent messages',
      async () => {
        const rows = await ledger();
        if (rows.filter((row) => ['delivered', 'seen'].includes(row.status)).length < 5)
          throw new Error(JSON.stringify(rows));
      },
      30_000,
      100,
    );

    await track('lan', 'order.paid');
    await track('minh', 'order.paid');
    await ws.as.marketer
      .post(`/campaigns/${campaignId}/contacts/${ids.tuan}/journey/cancel`)
      .send({})
      .expect(202);
    const rows = await settled(
      6,
      (list) => list.filter((row) => row.status === 'exited').length === 4,
      'four journeys exited',
    );
    const reasonOf = (name: Name) => rows.find((row) => row.contactId === ids[name])?.exitReason ?? 'waiting';
    expect(names.map((name) => `${name} ${reasonOf(name)}`)).toEqual([
      'lan paid',
      'minh paid',
      'hoa failed',
      'tuan stopped',
      'mai waiting',
      'binh waiting',
    ]);
  }, 120_000);

  it('overview: figures per version and overall equal the enrollments', async () => {
    const overview = await report<CampaignOverview>('');
    const expected = {
      entered: 6,
      inProgress: 2,
      completed: 0,
      exited: 4,
      exitedByReason: { failed: 1, paid: 2, stopped: 1 },
      conversions: 2,
      conversionRate: 2 / 6,
    };
    expect(overview.overall).toEqual(expected);
    expect(overview.versions).toEqual([{ version: 1, versionId: expect.any(String), ...expected }]);
    const [stored] = (await db.query(
      `SELECT count(*)::int AS entered, count(*) FILTER (WHERE converted)::int AS converted,
              count(*) FILTER (WHERE status = 'active')::int AS active
       FROM enrollments WHERE campaign_id = $1`,
      [campaignId],
    )) as Array<{ entered: number; converted: number; active: number }>;
    expect(stored).toEqual({ entered: 6, converted: 2, active: 2 });
    // The campaign list says as much
    const list = (await ws.as.analyst.get('/campaigns').expect(200)).body as {
      items: Array<{ id: string; journeys: { entered: number; inProgress: number } }>;
    };
    expect(list.items.find((item) => item.id === campaignId)?.journeys).toEqual({
      entered: 6,
      inProgress: 2,
    });
    const none = await report<CampaignOverview>('', { version: 2 });
    expect(none.overall.entered).toBe(0);
    expect(none.window.version).toBe(2);
  });

  it('nodes: per step counts equal the step events; the failed send names -131 with its meaning', async () => {
    const { nodes } = await report<NodeReport>('/nodes');
    const events = await stepEvents();
    const count = (stepId: string, outcome: string) =>
      events.filter((event) => event.step_id === stepId && event.outcome === outcome).length;
    const byId = Object.fromEntries(nodes.map((node) => [node.stepId, node]));
    for (const step of ['zns-a', 'zns-b']) {
      expect(byId[step]).toMatchObject({
        entered: count(step, 'sent') + count(step, 'failed'),
        succeeded: count(step, 'sent'),
        failed: count(step, 'failed'),
        exited: 0,
        waitingNow: 0,
      });
    }
    expect(byId['zns-a']!.entered + byId['zns-b']!.entered).toBe(6);
    expect(byId['zns-a']!.succeeded + byId['zns-b']!.succeeded).toBe(5);
    const failedStep = byId['zns-a']!.failed === 1 ? 'zns-a' : 'zns-b';
    expect(byId[failedStep]!.topErrors).toEqual([
      { code: '-131', count: 1, meaning: ZNS_ERRORS[-131]!.message },
    ]);
    expect(byId['split']).toMatchObject({
      entered: 6,
      succeeded: count('split', 'variant:a') + count('split', 'variant:b'),
      outcomes: { entered: 6 },
    });
    // Five reached the wait: two paid (matched), one was stopped there, two wait now.
    expect(byId['wait-paid']).toMatchObject({
      entered: 5,
      succeeded: 2,
      exited: 1,
      waitingNow: 2,
      outcomes: { waiting: 5, matched: 2, converted: 2, 'exit:stopped': 1 },
    });
    expect(byId['exit-paid']).toMatchObject({ entered: 2, exited: count('exit-paid', 'exit:paid') });
    // The counters the report reads agree with the step events, outcome by outcome.
    for (const node of nodes)
      for (const [outcome, n] of Object.entries(node.outcomes))
        expect([node.stepId, outcome, n]).toEqual([node.stepId, outcome, count(node.stepId, outcome)]);
    const windowed = await report<NodeReport>('/nodes', { from: '2000-01-01T00:00:00Z' });
    expect(windowed.nodes).toEqual(nodes);
    expect(nodes.some((node) => node.stepId.startsWith('$'))).toBe(false);
    // A window no journey entered in still lists every step of the plan, at zero
    const empty = await report<NodeReport>('/nodes', { from: '2100-01-01T00:00:00Z' });
    expect(empty.nodes.map((node) => [node.stepId, node.entered, node.outcomes])).toEqual(
      ['exit-paid', 'split', 'wait-paid', 'zns-a', 'zns-b'].map((stepId) => [stepId, 0, {}]),
    );
  });

  it('channels: sent, delivered, failed and cost equal the ledger and the sandbox inbox', async () => {
    const channels = await report<ChannelReport>('/channels');
    const rows = await ledger();
    const inbox = sandbox.inbox({ channel: 'zns' });
    const delivered = rows.filter((row) => ['delivered', 'seen'].includes(row.status));
    const cost = delivered.reduce(
      (sum, row) => sum + (row.cost_currency === 'VND' ? Number(row.cost) : 0),
      0,
    );
    expect(inbox).toHaveLength(5);
    // The template's price (300 VND) for each of the five delivered messages.
    expect(cost).toBe(5 * Number(CART_TEMPLATE.price));
    expect(channels.accounts).toEqual([
      expect.objectContaining({
        channel: 'zns',
        messages: 6,
        sent: inbox.length,
        delivered: delivered.length,
        seen: rows.filter((row) => row.status === 'seen').length,
        failed: 1,
        failedByCode: [{ code: '-131', count: 1, meaning: ZNS_ERRORS[-131]!.message }],
        costVnd: cost,
        costPerConversionVnd: cost / 2,
        otherCosts: [],
      }),
    ]);
    expect(channels).toMatchObject({ conversions: 2, totalCostVnd: cost, costPerConversionVnd: cost / 2 });
  });

  it('splits: per variant journeys and conversions equal the step events; too early to call', async () => {
    const { splits } = await report<SplitReport>('/splits');
    const events = await stepEvents();
    const expected = ['a', 'b'].map((variant) => {
      const taken = events.filter(
        (event) => event.step_id === 'split' && event.outcome === `variant:${variant}`,
      );
      const converted = taken.filter((event) =>
        events.some(
          (later) =>
            later.enrollment_id === event.enrollment_id &&
            later.seq > event.seq &&
            later.outcome === 'converted',
        ),
      );
      return { variantId: variant, entered: taken.length, converted: converted.length };
    });
    expect(splits).toHaveLength(1);
    expect(splits[0]).toMatchObject({ stepId: 'split', label: 'Thử A/B', tooEarlyToCall: true });
    expect(splits[0]!.variants).toMatchObject(expected);
    expect(splits[0]!.variants.map((variant) => variant.label)).toEqual(['Mẫu A', 'Mẫu B']);
    expect(splits[0]!.test).toMatchObject({ state: 'notEnoughData', significant: false });
    expect(expected[0]!.converted + expected[1]!.converted).toBe(2);
  });

  it('series: entries, sends and conversions add up to the run', async () => {
    const series = await report<SeriesReport>('/series', { interval: 'hour' });
    const sum = (key: 'entries' | 'sends' | 'conversions') =>
      series.points.reduce((total, point) => total + point[key], 0);
    expect([sum('entries'), sum('sends'), sum('conversions')]).toEqual([6, 5, 2]);
    expect(series.points.every((point) => point.at.endsWith(':00:00.000Z'))).toBe(true);
  });

  it('answers CSV when asked: header row and the figures', async () => {
    const response = await ws.as.analyst
      .get(`/reports/campaigns/${campaignId}`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers.vary).toMatch(/Accept/);
    const lines = (response.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'version,entered,in_progress,completed,exited,conversions,conversion_rate,exited_by_reason',
    );
    expect(lines[1]).toBe(`all,6,2,0,4,2,${2 / 6},failed:1;paid:2;stopped:1`);
    expect(lines[2]).toMatch(/^1,6,2,0,4,2,/);
    const channels = await ws.as.analyst
      .get(`/reports/campaigns/${campaignId}/channels`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(channels.text).toContain(',6,5,');
    // A leading '-' would be read as a formula by spreadsheets: the cell is escaped.
    expect(channels.text).toContain(",'-131:1,");
  });

  it('lets every role and read keys read; refuses ingest keys, strangers and other workspaces', async () => {
    const path = `/reports/campaigns/${campaignId}/nodes`;
    for (const caller of [ws.as.admin, ws.as.marketer, ws.as.analyst, ws.as.readKey, ws.as.writeKey])
      await caller.get(path).expect(200);
    await ws.as.ingestKey.get(path).expect(403);
    await ws.as.anonymous.get(path).expect(401);
    for (const suffix of ['', '/nodes', '/channels', '/splits', '/series'])
      await other.as.admin.get(`/reports/campaigns/${campaignId}${suffix}`).expect(404);
  });

  it('names the offending query field', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const response = await ws.as.analyst.get(`/reports/campaigns/${campaignId}/series`).query(query);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', field })]);
    };
    await bad({ from: 'yesterday' }, 'from');
    await bad({ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, 'to');
    await bad({ version: '0' }, 'version');
    await bad({ interval: 'week' }, 'interval');
  });
});
