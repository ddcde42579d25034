import { randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual as isEqual } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import type { InboxMessage, RunningSandbox } from '@loa/provider-sandbox';
import { freePort, testService, uniqueName, waitFor } from '@loa/testing';
import { Client, Connection } from '@temporalio/client';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { connectedSandboxOa, startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import type { ChildServer } from '../events/testing/child-services';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { campaignScheduleId } from './campaign-schedule-spec';
import { PROMO_TEMPLATE, promoGraph } from './testing/promo-broadcast';
import { waitUntilPolling, workerProcess } from './testing/worker-process';

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;

interface Seeded {
  id: string;
  phone: string;
}
interface LedgerRow {
  contact_id: string;
  recipient: string;
  status: string;
  reason: string | null;
  retry_at: Date | null;
  provider_message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const local = (ms: number, format: string) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat(format);
const SENT = ['sent', 'delivered', 'seen'];

/**
 * Issue 10 §6, broadcasts: a campaign's Temporal Schedule fires a `campaignRun` over a segment, every journey sends
 * one advertising ZNS through the send service, and the ledger (`messages`) is compared with the provider sandbox's
 * inbox. The worker is the built `worker.main.js` in a process of its own, as in production; the API runs here.
 */
describe('issue 10 §6: a scheduled broadcast to a segment, through a worker process', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let db: DataSource;
  let ws: TestWorkspace;
  let connection: Connection;
  let client: Client;
  let worker: ChildServer;
  let znsAccountId: string;
  let taskQueue: string;
  // The worker's PostgreSQL sessions carry this name, so the test can tell when a killed worker's last one is gone.
  const workerAppName = uniqueName('broadcast-worker');

  beforeAll(async () => {
    const port = await freePort();
    const publicApiUrl = `http://127.0.0.1:${port}`;
    taskQueue = uniqueName('broadcast-e2e');
    const env = {
      DATABASE_URL: testService('databaseUrl'),
      REDIS_URL: testService('redisUrl'),
      LOA_REDIS_PREFIX: testService('redisPrefix'),
      TEMPORAL_ADDRESS: testService('temporalAddress'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOA_PUBLIC_API_URL: publicApiUrl,
      LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
      PGAPPNAME: workerAppName,
    };
    // Receipts are not what this test is about: they would come after it ends.
    sandbox = await startZaloTestSandbox(
      { publicApiUrl, znsNightWindow: false, receiptDelayMs: 3_600_000 },
      (seed) => {
        for (const oa of seed.zalo[0]?.oas ?? []) {
          oa.templates.push(PROMO_TEMPLATE);
          oa.dailyQuota = 100_000;
        }
      },
    );
    const config = testConfig(env);
    app = await createApp(config);
    await app.listen(port, '127.0.0.1');
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
    znsAccountId = await connectedSandboxOa({ sandbox, ws });
    // Zalo's default is 66 a second; the test is about the journeys, not the provider's pace.
    await ws.as.admin
      .patch(`/channel-accounts/${znsAccountId}`)
      .send({ sendRatePerSecond: 2000 })
      .expect(200);
    connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    client = new Client({ connection, namespace: config.temporal.namespace });
    worker = workerProcess(env);
    worker.start();
    await waitUntilPolling(worker, client, taskQueue);
  }, 120_000);

  afterAll(async () => {
    await worker?.kill();
    await app?.close();
    await connection?.close();
    await sandbox?.close();
  });

  /** `count` contacts with the tag and a phone of their own; the first `alsoTagged` of them carry `extraTag` too. */
  async function seedContacts(input: {
    tag: string;
    count: number;
    phonePrefix: string;
    extraTag?: string;
    alsoTagged?: number;
  }): Promise<Seeded[]> {
    return (await db.query(
      `INSERT INTO contacts (workspace_id, external_id, name, phone, tags)
       SELECT $1, $2 || '-' || n, 'Khách ' || n, $3 || lpad(n::text, 5, '0'),
              CASE WHEN n <= $5 THEN ARRAY[$2, $6] ELSE ARRAY[$2] END
         FROM generate_series(1, $4::int) AS n
       RETURNING id, phone`,
      [
        ws.workspaceId,
        input.tag,
        input.phonePrefix,
        input.count,
        input.alsoTagged ?? 0,
        input.extraTag ?? '',
      ],
    )) as Seeded[];
  }

  async function segmentOfTag(tag: string, members: number): Promise<string> {
    const created = await ws.as.marketer
      .post('/segments')
      .send({ name: `Khách ${tag}`, rule: { match: 'all', rules: [{ kind: 'tag', tag }] } })
      .expect(201);
    const segmentId = created.body.id as string;
    await waitFor(`segment ${tag} computed`, async () => {
      const segment = await ws.as.marketer.get(`/segments/${segmentId}`).expect(200);
      if (segment.body.memberCount !== members) throw new Error(`${segment.body.memberCount} members`);
    });
    return segmentId;
  }

  async function published(name: string, graph: ReturnType<typeof promoGraph>): Promise<string> {
    const created = await ws.as.admin.post('/campaigns').send({ name, graph }).expect(201);
    const campaignId = created.body.id as string;
    await ws.as.admin.post(`/campaigns/${campaignId}/publish`).expect(200);
    return campaignId;
  }

  /** A trigger.schedule firing once at `atMs` (a local date-time with seconds) over the segment. */
  const onceAt = (atMs: number, segmentId: string) => ({
    type: 'trigger.schedule',
    data: {
      audience: { kind: 'segment', segmentId },
      schedule: { kind: 'once', at: local(atMs, "yyyy-MM-dd'T'HH:mm:ss") },
    },
  });

  /** The schedule exists (the publish job ran) before its firing time comes. */
  async function scheduled(campaignId: string): Promise<void> {
    await waitFor('the campaign schedule created', async () => {
      await client.schedule.getHandle(campaignScheduleId(campaignId)).describe();
    });
  }

  async function ledger(campaignId: string): Promise<LedgerRow[]> {
    return (await db.query(
      `SELECT contact_id, recipient, status, reason, retry_at, provider_message_id, created_at, sent_at
         FROM messages WHERE workspace_id = $1 AND campaign_id = $2`,
      [ws.workspaceId, campaignId],
    )) as LedgerRow[];
  }

  async function statusCounts(campaignId: string): Promise<Record<string, number>> {
    const rows = (await db.query(
      `SELECT status, count(*)::int AS n FROM messages WHERE workspace_id = $1 AND campaign_id = $2 GROUP BY status`,
      [ws.workspaceId, campaignId],
    )) as Array<{ status: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  async function enrollmentCounts(campaignId: string): Promise<Record<string, number>> {
    const rows = (await db.query(
      `SELECT status, count(*)::int AS n FROM enrollments WHERE campaign_id = $1 GROUP BY status`,
      [campaignId],
    )) as Array<{ status: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  /** How many of the campaign's journeys ran each way (the enrollments' `execution`, over HTTP). */
  async function executions(campaignId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    let cursor: string | undefined;
    do {
      const page = await ws.as.analyst
        .get(`/campaigns/${campaignId}/enrollments`)
        .query({ limit: 500, ...(cursor && { cursor }) })
        .expect(200);
      for (const item of page.body.items as Array<{ execution: string }>)
        counts[item.execution] = (counts[item.execution] ?? 0) + 1;
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return counts;
  }

  async function workerSessions(): Promise<number> {
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
      [workerAppName],
    )) as Array<{ n: number }>;
    return n;
  }

  /** The sandbox's ZNS inbox for these phones. */
  function inboxFor(phones: Set<string>): InboxMessage[] {
    return sandbox.inbox({ channel: 'zns' }).filter((message) => phones.has(message.recipient));
  }

  const countBy = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };

  it('fires at its time, holds every send through quiet hours, skips contacts at their cap, and sends every other contact exactly one message', async () => {
    const started = Date.now();
    const tag = `bc-${randomUUID().slice(0, 6)}`;
    const capped = `${tag}-capped`;
    const contacts = await seedContacts({
      tag,
      count: 2000,
      phonePrefix: '849710',
      extraTag: capped,
      alsoTagged: 40,
    });
    const phones = new Set(contacts.map((contact) => contact.phone));
    const cappedContacts = contacts.slice(0, 40);
    const cappedIds = new Set(cappedContacts.map((contact) => contact.id));

    // An earlier campaign already sent the first 40 contacts their ZNS today.
    const earlier = await published(
      `Tin sáng ${tag}`,
      promoGraph({ znsAccountId, trigger: { type: 'trigger.manual' } }),
    );
    const entered = await ws.as.marketer
      .post(`/campaigns/${earlier}/enrollments`)
      .send({ contactIds: cappedContacts.map((contact) => contact.id) })
      .expect(200);
    expect(entered.body.started).toBe(40);
    await waitFor('the earlier campaign’s 40 messages sent', async () => {
      const counts = await statusCounts(earlier);
      if (counts['sent'] !== 40) throw new Error(JSON.stringify(counts));
    });
    const earlierSentAt = new Map((await ledger(earlier)).map((row) => [row.contact_id, row.sent_at]));

    const segmentId = await segmentOfTag(tag, 2000);

    // The broadcast fires a few seconds from now, inside its own quiet hours ("HH:MM"), which end at the first
    // minute boundary at least 20 s after it fires: the journeys that reach their send before then are held.
    const fireAt = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
    const quietEnd = Math.ceil((fireAt + 20_000) / 60_000) * 60_000;
    const campaignId = await published(
      `Khuyến mãi cuối tuần ${tag}`,
      promoGraph({
        znsAccountId,
        trigger: onceAt(fireAt, segmentId),
        settings: {
          quietHours: { start: local(Date.now() - 60_000, 'HH:mm'), end: local(quietEnd, 'HH:mm') },
          frequencyCaps: [{ channel: 'zns', max: 1, per: { amount: 1, unit: 'days' } }],
        },
      }),
    );
    await scheduled(campaignId);
    const setUp = Date.now();

    // While quiet hours hold them, journeys are listed as active, and "where is this contact" shows one waiting
    // for the hours to end.
    const quietUntil = new Date(quietEnd).toISOString();
    await waitFor(
      'a journey listed as active, waiting for quiet hours to end',
      async () => {
        const list = await ws.as.analyst
          .get(`/campaigns/${campaignId}/enrollments`)
          .query({ status: 'active', limit: 5 })
          .expect(200);
        for (const item of list.body.items as Array<{ contactId: string }>) {
          const journey = await ws.as.analyst
            .get(`/campaigns/${campaignId}/contacts/${item.contactId}/journey`)
            .expect(200);
          const live = journey.body.enrollments[0]?.live as { stepId?: string; waitingFor?: unknown };
          if (
            live?.stepId === 'promo' &&
            isEqual(live.waitingFor, { kind: 'quiet_hours', until: quietUntil })
          )
            return;
        }
        throw new Error('none held yet');
      },
      quietEnd - Date.now() - 2_000,
      250,
    );

    // 1,960 journeys send and exit; the 40 at their cap wait for it with a deferred row.
    await waitFor(
      'every journey sent or deferred by its cap',
      async () => {
        const [messages, enrollments] = [await statusCounts(campaignId), await enrollmentCounts(campaignId)];
        if (messages['sent'] !== 1960 || messages['deferred'] !== 40 || enrollments['exited'] !== 1960)
          throw new Error(JSON.stringify({ messages, enrollments }));
      },
      300_000,
      1_000,
    );
    const done = Date.now();

    // Quiet hours: a journey that reached its send before they ended was held until then (the hold and the send
    // are decided in one workflow activation, at the time recorded as `entered`): the exited journeys' paths say so.
    const journeys = (await db.query(
      `SELECT e.contact_id, min(s.at) FILTER (WHERE s.step_id = 'promo' AND s.outcome = 'entered') AS entered_at,
              bool_or(s.step_id = 'promo' AND s.outcome = 'deferred' AND s.detail = $2) AS held
         FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id
        WHERE e.campaign_id = $1 AND e.status = 'exited' GROUP BY e.contact_id`,
      [campaignId, `quiet_hours until ${quietUntil}`],
    )) as Array<{ contact_id: string; entered_at: Date; held: boolean }>;
    expect(journeys).toHaveLength(1960);
    expect(journeys.filter((row) => row.held !== row.entered_at.getTime() < quietEnd)).toEqual([]);
    const heldCount = journeys.filter((row) => row.held).length;
    expect(heldCount).toBeGreaterThan(0);
    expect(Math.min(...journeys.map((row) => row.entered_at.getTime()))).toBeGreaterThanOrEqual(fireAt);

    const rows = await ledger(campaignId);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((row) => row.contact_id))).toEqual(
      new Set(contacts.map((contact) => contact.id)),
    );
    for (const row of rows) {
      expect(row.created_at.getTime()).toBeGreaterThanOrEqual(quietEnd);
      if (cappedIds.has(row.contact_id)) {
        // The cap opens a day after the earlier message went out; the row says so, nothing was sent.
        expect([row.status, row.reason, row.provider_message_id]).toEqual([
          'deferred',
          'frequency_cap',
          null,
        ]);
        expect(row.retry_at?.getTime()).toBe((earlierSentAt.get(row.contact_id)?.getTime() ?? NaN) + DAY_MS);
      } else {
        expect(SENT).toContain(row.status);
        expect(row.sent_at?.getTime()).toBeGreaterThanOrEqual(quietEnd);
      }
    }
    // The capped journeys still run, waiting for their cap to open.
    const enrollments = (await db.query(`SELECT contact_id, status FROM enrollments WHERE campaign_id = $1`, [
      campaignId,
    ])) as Array<{ contact_id: string; status: string }>;
    expect(enrollments).toHaveLength(2000);
    // From the workspace's default cohort threshold (1,000) up, the broadcast ran as cohorts.
    expect(await executions(campaignId)).toEqual({ cohort: 2000 });
    expect(
      new Set(enrollments.filter((row) => row.status === 'active').map((row) => row.contact_id)),
    ).toEqual(cappedIds);

    // The inbox: every contact of the segment got exactly one message (the 40 theirs from the earlier campaign),
    // and the broadcast's are exactly the ledger's sent rows, none before quiet hours ended.
    const inbox = inboxFor(phones);
    const perPhone = countBy(inbox.map((message) => message.recipient));
    expect(perPhone.size).toBe(2000);
    expect([...perPhone.values()].every((count) => count === 1)).toBe(true);
    const cappedPhones = new Set(cappedContacts.map((contact) => contact.phone));
    const broadcastInbox = inbox.filter((message) => !cappedPhones.has(message.recipient));
    expect(broadcastInbox.map((message) => message.providerMessageId).sort()).toEqual(
      rows
        .filter((row) => SENT.includes(row.status))
        .map((row) => row.provider_message_id)
        .sort(),
    );
    expect(broadcastInbox.every((message) => Date.parse(message.acceptedAt) >= quietEnd)).toBe(true);

    process.stdout.write(
      `2,000-contact broadcast: set up in ${setUp - started} ms; fired ${fireAt - setUp} ms later; ` +
        `${heldCount} journeys held by quiet hours, which ended ${quietEnd - fireAt} ms after the firing; ` +
        `all sent or capped ${done - fireAt} ms after the firing\n`,
    );
  }, 420_000);

  // The same broadcast run one journey workflow per contact, and as cohorts (the workspace's threshold at 1).
  it.each([
    { execution: 'contact', cohortThreshold: 100_000, phonePrefix: '849720' },
    { execution: 'cohort', cohortThreshold: 1, phonePrefix: '849730' },
  ])(
    'loses no contact and sends no message twice when the worker process is killed (SIGKILL) mid-broadcast and started again, journeys run per $execution',
    async ({ execution, cohortThreshold, phonePrefix }) => {
      const started = Date.now();
      const count = 300;
      const tag = `kill-${randomUUID().slice(0, 6)}`;
      await ws.as.admin.patch('/workspace').send({ cohortThreshold }).expect(200);
      const contacts = await seedContacts({ tag, count, phonePrefix });
      const phoneOf = new Map(contacts.map((contact) => [contact.id, contact.phone]));
      const phones = new Set(phoneOf.values());
      const segmentId = await segmentOfTag(tag, count);
      // Each ZNS call takes 10 s at the provider (under the connector's 15 s timeout), so once every journey has
      // started, sends are still in flight and others not yet sent: the kill lands in the middle.
      sandbox.addFault({ channel: 'zns', latencyMs: 10_000 });
      const fireAt = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
      const campaignId = await published(
        `Tin nhắn ${tag}`,
        promoGraph({ znsAccountId, trigger: onceAt(fireAt, segmentId) }),
      );
      await scheduled(campaignId);

      // Killed once the run has started every journey (its batch activity would otherwise wait out its 5-minute
      // timeout), while some messages are sent and others in flight.
      await waitFor(
        'the run done, sends in flight',
        async () => {
          const described = await client.schedule.getHandle(campaignScheduleId(campaignId)).describe();
          const action = described.info.recentActions[0]?.action;
          if (!action) throw new Error('not fired yet');
          const run = await client.workflow.getHandle(action.workflow.workflowId).describe();
          const counts = await statusCounts(campaignId);
          if (run.status.name !== 'COMPLETED' || !counts['sent'] || !counts['sending'])
            throw new Error(`run ${run.status.name}, ledger ${JSON.stringify(counts)}`);
        },
        150_000,
        200,
      );
      expect(await workerSessions()).toBeGreaterThan(0);
      await worker.kill();
      const killedAt = Date.now();
      sandbox.clearFaults();
      // A statement the killed process had already sent (say, the COMMIT of a `sending` row) still runs in its
      // PostgreSQL session: the ledger is read once every session of the killed worker has ended.
      await waitFor(
        'the killed worker’s PostgreSQL sessions ended',
        async () => {
          const left = await workerSessions();
          if (left > 0) throw new Error(`${left} left`);
        },
        30_000,
        100,
      );
      const inFlight = (await ledger(campaignId)).filter((row) => row.status === 'sending');
      const atKill = await statusCounts(campaignId);
      worker.start();
      await waitUntilPolling(worker, client, taskQueue);
      const restartedAt = Date.now();

      await waitFor(
        'every journey exited',
        async () => {
          const enrollments = await enrollmentCounts(campaignId);
          if (enrollments['exited'] !== count) throw new Error(JSON.stringify(enrollments));
        },
        180_000,
        1_000,
      );
      const done = Date.now();

      // The ledger: one row per contact, every one sent but for sends in flight at the kill whose outcome the worker
      // never recorded: those are `unknown` (a marketing message that may have gone out is not sent again). An
      // outcome the killed process had already handed to PostgreSQL may still commit, so a row seen in flight may
      // end `sent`.
      const rows = await ledger(campaignId);
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((row) => row.contact_id))).toEqual(new Set(phoneOf.keys()));
      expect(await executions(campaignId)).toEqual({ [execution]: count });
      const unknown = rows.filter((row) => row.status === 'unknown');
      const sent = rows.filter((row) => SENT.includes(row.status));
      expect(sent.length + unknown.length).toBe(count);
      const inFlightIds = new Set(inFlight.map((row) => row.contact_id));
      expect(unknown.filter((row) => !inFlightIds.has(row.contact_id))).toEqual([]);
      expect(unknown.length).toBeGreaterThan(0);

      // The inbox: no phone twice; every sent row's message there, and nothing the ledger does not account for.
      const inbox = inboxFor(phones);
      const perPhone = countBy(inbox.map((message) => message.recipient));
      expect([...perPhone.entries()].filter(([, copies]) => copies > 1)).toEqual([]);
      const inboxIds = new Set(inbox.map((message) => message.providerMessageId));
      expect(sent.filter((row) => !inboxIds.has(row.provider_message_id ?? ''))).toEqual([]);
      const accounted = new Set([...sent, ...unknown].map((row) => row.recipient));
      expect(inbox.filter((message) => !accounted.has(message.recipient))).toEqual([]);
      const deliveredUnknown = unknown.filter((row) => perPhone.has(row.recipient)).length;

      process.stdout.write(
        `kill test (${count} contacts, per ${execution}): killed ${killedAt - started} ms after start with ledger ` +
          `${JSON.stringify(atKill)}; worker polling again ${restartedAt - killedAt} ms after the kill; all exited ` +
          `${done - restartedAt} ms after that; ${unknown.length} in flight at the kill settled unknown, ` +
          `${deliveredUnknown} of them had reached the provider\n`,
      );
    },
    420_000,
  );
});
