import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { RunningSandbox, SandboxChannel } from '@loa/provider-sandbox';
import { freePort } from '@loa/testing';
import { DataSource } from 'typeorm';
import { startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import type { CampaignOverview, ChannelReport, SplitReport } from '../reports/reports.schemas';
import { testConfig } from '../testing/test-config';
import { signIn, type TestCaller } from '../testing/test-workspace';
import { createWorkerApp } from '../worker/create-worker-app';
import { DEMO_CAMPAIGN_NAME, znsOpenAt } from './demo-campaign-graph';
import { demoContacts } from './demo-data';
import { seedDemo, type DemoSeedOptions } from './seed-demo';

const SANDBOX_CHANNEL: Record<string, SandboxChannel> = { zns: 'zns', sms: 'esms', email: 'smtp' };

describe('demo seed through the public API', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let options: DemoSeedOptions;
  let marketer: TestCaller;
  let campaignId: string;
  const admin = { email: `demo-admin-${Date.now()}@example.test`, password: 'demo admin password' };
  const now = new Date();
  const contacts = 120;
  const campaignContacts = 40;
  const inboxAfterRun: Partial<Record<SandboxChannel, number>> = {};

  beforeAll(async () => {
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    // Zalo's night window stays on, as in the local stack: the seed has to finish whatever the time of day.
    sandbox = await startZaloTestSandbox({ publicApiUrl: apiUrl });
    const config = testConfig({
      // A database of its own (embedded), so the bootstrap admin gets a new, empty workspace as on a first start.
      DATABASE_URL: '',
      LOA_PGLITE_DIR: 'memory://',
      LOA_BOOTSTRAP_ADMIN_EMAIL: admin.email,
      LOA_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      LOA_PUBLIC_API_URL: apiUrl,
      LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
    });
    app = await createApp(config);
    await app.listen(port, '127.0.0.1');
    db = app.get(DataSource);
    // The embedded database admits one process: the worker shares the API's, as in the local stack.
    worker = await createWorkerApp(config, db);
    options = {
      apiUrl,
      admin,
      teamPassword: 'team password 123',
      contacts,
      campaignContacts,
      // 40 journeys are all sent their message within seconds
      repeatOrderWaitMinutes: 1,
      sandboxUrl: new URL(sandbox.urls.control).origin,
      now,
    };
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await sandbox?.close();
  });

  const report = async <T>(path: string) =>
    (await marketer.get(`/reports/campaigns/${campaignId}${path}`).expect(200)).body as T;

  it('creates the team, contacts with their events, two segments and a finished campaign, once', async () => {
    const first = await seedDemo(options);
    expect(first.seeded).toBe(true);
    expect(first.campaign?.created).toBe(true);
    campaignId = first.campaign!.id;

    marketer = await signIn(app, 'marketer@example.com', 'team password 123');
    expect((await marketer.get('/auth/me').expect(200)).body.role).toBe('marketer');
    const stored = await marketer.get('/contacts?limit=1&count=true').expect(200);
    expect(stored.body.total).toBe(contacts);
    const segments = await marketer.get('/segments').expect(200);
    expect(segments.body.items.map((segment: { name: string }) => segment.name)).toEqual(
      expect.arrayContaining(['Hà Nội, reachable by e-mail', 'Repeat buyers (30 days)']),
    );
    const keys = await signIn(app, admin.email, admin.password).then((caller) =>
      caller.get('/api-keys').expect(200),
    );
    expect(keys.body.items.length).toBeGreaterThan(0);
    expect(keys.body.items.every((key: { revokedAt: string | null }) => key.revokedAt !== null)).toBe(true);
    const accounts = await signIn(app, admin.email, admin.password).then((caller) =>
      caller.get('/channel-accounts').expect(200),
    );
    expect(
      accounts.body.items.map(
        (account: { kind: string; status: string }) => `${account.kind} ${account.status}`,
      ),
    ).toEqual(expect.arrayContaining(['zalo_oa connected', 'esms connected', 'smtp connected']));
    const templates = await db.query(`SELECT count(*)::int AS n FROM zns_templates`);
    expect(templates[0].n).toBeGreaterThan(0);

    for (const channel of Object.values(SANDBOX_CHANNEL))
      inboxAfterRun[channel] = sandbox.inbox({ channel }).length;
    // As when the stack's sandbox restarts: its grants are gone, so the OA has to be connected again.
    sandbox.reset();
    const again = await seedDemo(options);
    expect(again).toMatchObject({ seeded: false, campaign: { id: campaignId, created: false } });
    expect((await marketer.get('/contacts?limit=1&count=true').expect(200)).body.total).toBe(contacts);
    const named = await marketer.get('/campaigns').query({ q: DEMO_CAMPAIGN_NAME }).expect(200);
    expect(named.body.items.filter((c: { name: string }) => c.name === DEMO_CAMPAIGN_NAME)).toHaveLength(1);
    expect(sandbox.inbox()).toHaveLength(0);
    const kept = await signIn(app, admin.email, admin.password).then((caller) =>
      caller.get('/channel-accounts').expect(200),
    );
    expect(
      kept.body.items
        .map((account: { kind: string; status: string }) => `${account.kind} ${account.status}`)
        .sort(),
    ).toEqual(['esms connected', 'smtp connected', 'zalo_oa connected']);
    expect(sandbox.requestCount('/zalo-oauth/v4/oa/access_token')).toBeGreaterThan(0);
  }, 600_000);

  it('the campaign has finished: every journey ended, and the conversions are those the enrollments hold', async () => {
    const audience = demoContacts(contacts, now).filter((contact) => contact.traits.email !== undefined);
    expect(audience.length).toBeGreaterThanOrEqual(campaignContacts);
    const { overall } = await report<CampaignOverview>('');
    const [enrollments] = (await db.query(
      `SELECT count(*)::int AS entered, count(*) FILTER (WHERE converted)::int AS converted,
              count(*) FILTER (WHERE status = 'active')::int AS active
       FROM enrollments WHERE campaign_id = $1`,
      [campaignId],
    )) as Array<{ entered: number; converted: number; active: number }>;
    expect(enrollments).toEqual({ entered: campaignContacts, converted: expect.any(Number), active: 0 });
    expect(overall).toMatchObject({
      entered: enrollments!.entered,
      inProgress: 0,
      conversions: enrollments!.converted,
    });
    expect(overall.conversions).toBeGreaterThan(0);
  });

  it('channels: sent, delivered and seen per account equal the ledger and the sandbox inbox', async () => {
    const channels = await report<ChannelReport>('/channels');
    const ledger = (await db.query(
      `SELECT account_id, channel, status FROM messages WHERE campaign_id = $1`,
      [campaignId],
    )) as Array<{ account_id: string; channel: string; status: string }>;
    const byChannel = (channel: string) => channels.accounts.find((account) => account.channel === channel);
    // By day variant A is a ZNS, and an SMS only where it failed (phones without Zalo); by night an SMS.
    const zns = byChannel('zns');
    expect(zns !== undefined).toBe(znsOpenAt(now));
    const smsSent = zns ? zns.failed > 0 : true;
    expect(channels.accounts.map((account) => account.channel).sort()).toEqual([
      'email',
      ...(smsSent ? ['sms'] : []),
      ...(zns ? ['zns'] : []),
    ]);
    if (zns) expect(byChannel('sms')?.messages ?? 0).toBe(zns.failed);
    for (const account of channels.accounts) {
      const rows = ledger.filter((row) => row.account_id === account.accountId);
      const inbox = inboxAfterRun[SANDBOX_CHANNEL[account.channel]!];
      expect(account).toMatchObject({
        messages: rows.length,
        sent: inbox,
        delivered: rows.filter((row) => ['delivered', 'seen'].includes(row.status)).length,
        seen: rows.filter((row) => row.status === 'seen').length,
      });
      expect(account.sent).toBeGreaterThan(0);
      // ZNS and SMS are receipted by the sandbox's signed callbacks; SMTP has none.
      if (account.channel !== 'email') expect(account.delivered).toBe(account.sent);
    }
    expect(channels.conversions).toBeGreaterThan(0);
  });

  it('splits: journeys and conversions per variant equal the step events', async () => {
    const { splits } = await report<SplitReport>('/splits');
    const events = (await db.query(
      `SELECT s.outcome, e.converted FROM step_events s JOIN enrollments e ON e.id = s.enrollment_id
       WHERE e.campaign_id = $1 AND s.step_id = 'split'`,
      [campaignId],
    )) as Array<{ outcome: string; converted: boolean }>;
    expect(splits).toHaveLength(1);
    const variants = splits[0]!.variants;
    expect(variants.map((variant) => variant.variantId)).toEqual(['a', 'b']);
    for (const variant of variants) {
      const taken = events.filter((event) => event.outcome === `variant:${variant.variantId}`);
      expect(variant).toMatchObject({
        entered: taken.length,
        converted: taken.filter((event) => event.converted).length,
      });
      expect(variant.entered).toBeGreaterThan(0);
    }
    expect(variants.reduce((sum, variant) => sum + variant.entered, 0)).toBe(campaignContacts);
  });
});
