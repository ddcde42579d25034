// A scheduled broadcast through the whole product (issue 13 §3): a trigger.schedule campaign over a tag of N contacts,
// fired by its Temporal schedule, run by campaignRun on the API's in-process worker, one ZNS per contact through the
// send service and its ledger to the provider sandbox, every journey recorded. The same broadcast runs once with one
// contactJourney per contact (the workspace's cohort threshold above the audience) and once as cohorts (threshold 1);
// the connectors alone (ZnsConnector sending as many messages with the cohort batch's concurrency, no Temporal, no
// ledger) and the sandbox hit directly give the ceilings. Judged by: cohort contacts/s ≥ 50 × per-contact, history
// events per contact ≤ 0.05, cohort messages/s ≥ 0.5 × the connectors alone.
import type { Client as TemporalClient } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createHttpClient, isSent, zaloOaAccountSchema, ZnsConnector } from '@loa/connectors';
import { DateTime } from 'luxon';
import { cpus, loadavg } from 'node:os';
import type { Client } from 'pg';
import { round } from './support/measure';
import { cpuSecondsOf, cpuSecondsOfGroup, cpuSample } from './support/process-cpu';
import { ApiCaller, type ProductApi } from './support/product-api';
import { startProductStack } from './support/product-stack';
import { sandboxDirectRate } from './support/sandbox-direct';
import { runPool } from './support/run-pool';
import {
  sandboxZaloConfig,
  seededTokenManager,
  templateData,
  type SandboxInfo,
} from './support/sandbox-client';
import { connectSandboxOa } from './support/sandbox-oa';
import type { DevServer } from './support/temporal-dev-server';

/** Contacts of the cohort broadcast. */
const CONTACTS = Number(process.env.LOA_BENCH_CONTACTS ?? 100_000);
/** Contacts of the per-contact broadcast: it runs tens of contacts a second, so a sample gives its rate. */
const PER_CONTACT_CONTACTS = Number(process.env.LOA_BENCH_PER_CONTACT_CONTACTS ?? 2_000);
/** Messages the connectors alone send (their rate does not depend on how many). */
const CONNECTOR_MESSAGES = Number(process.env.LOA_BENCH_CONNECTOR_MESSAGES ?? 20_000);
/** The worker's cohort batch concurrency (LOA_COHORT_BATCH_CONCURRENCY), also the connectors' own. */
const BATCH_CONCURRENCY = Number(process.env.LOA_COHORT_BATCH_CONCURRENCY ?? 32);
const COHORT_SIZE = Number(process.env.LOA_BENCH_COHORT_SIZE ?? 1000);
/** Sandbox inbox messages read per request when verifying (a million do not fit one answer). */
const INBOX_PAGE = 50_000;
/** How long the sandbox is hit directly (autocannon, 64 connections) for its own rate. */
const SANDBOX_DIRECT_SECONDS = 3;
/** Worker processes (`worker.main.js`) beside the API's in-process worker; their CPU counts as the API's. */
const EXTRA_WORKERS = Number(process.env.LOA_BENCH_EXTRA_WORKERS ?? 0);
const TIMEOUT_MS = Number(process.env.LOA_BENCH_TIMEOUT_SECONDS ?? 3600) * 1000;
const TEMPLATE_ID = '300001';
const TIMEZONE = 'Asia/Ho_Chi_Minh';

type Mode = 'contact' | 'cohort';

interface Bed {
  api: ProductApi;
  admin: ApiCaller;
  db: Client;
  temporal: TemporalClient;
  server: DevServer;
  sandbox: { info: SandboxInfo; pid: number };
  accountId: string;
  workspaceId: string;
  run: string;
}

interface BroadcastResult {
  mode: Mode;
  contacts: number;
  seconds: number;
  contactsPerSecond: number;
  messagesPerSecond: number;
  historyEvents: number;
  historyEventsPerContact: number;
  workflows: number;
  cpuSecondsPerThousandContacts: Record<string, number>;
  verified: {
    enrollmentsExited: number;
    sentLedgerRows: number;
    distinctContactsSent: number;
    inboxZns: number;
  };
}

const uptime = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const loadAtStart = uptime();
  const stack = await startProductStack({
    name: 'broadcast',
    inboxLimit: CONTACTS + PER_CONTACT_CONTACTS + CONNECTOR_MESSAGES + SANDBOX_DIRECT_SECONDS * 30_000,
    extraWorkers: EXTRA_WORKERS,
  });
  try {
    const { run, server, sandbox, api, db, temporal } = stack;

    // First, while the sandbox's seeded access token is the OA's (connecting the OA below replaces it).
    const sandboxDirect = await sandboxDirectRate(sandbox.info, {
      connections: 64,
      seconds: SANDBOX_DIRECT_SECONDS,
      phonePrefix: '8499',
      trackingPrefix: `direct_${run}`,
    });
    console.log(`sandbox hit directly: ${round(sandboxDirect, 1)} ZNS/s`);
    const admin = await ApiCaller.signIn(api.url, api.admin.email, api.admin.password);
    const { accountId } = await connectSandboxOa(admin, sandbox.info, TEMPLATE_ID);
    // The provider's published rate is the true ceiling in production; here the product itself is measured.
    await admin.call('PATCH', `/channel-accounts/${accountId}`, { sendRatePerSecond: 10_000 });
    await admin.call('PATCH', '/workspace', { timezone: TIMEZONE, cohortSize: COHORT_SIZE });
    const [{ id: workspaceId }] = (await db.query<{ id: string }>('SELECT id FROM workspaces')).rows as [
      { id: string },
    ];
    const bed: Bed = {
      api,
      admin,
      db,
      temporal,
      server,
      sandbox,
      accountId,
      workspaceId,
      run,
    };

    const { perSecond: connectorsAlone, cpuMicrosecondsPerMessage: connectorsAloneCpu } = await connectorRate(
      sandbox.info,
      sandbox.pid,
      CONNECTOR_MESSAGES,
    );
    console.log(
      `connectors alone: ${round(connectorsAlone, 1)} ZNS/s, CPU µs per message ${JSON.stringify(connectorsAloneCpu)}`,
    );
    const perContact = await broadcast(bed, 'contact', PER_CONTACT_CONTACTS);
    console.log(JSON.stringify(perContact));
    const cohort = await broadcast(bed, 'cohort', CONTACTS);
    console.log(JSON.stringify(cohort));

    console.log(
      JSON.stringify(
        {
          benchmark:
            'scheduled broadcast, trigger.schedule -> send.zns -> exit: per-contact vs cohort execution',
          machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
          loadAverage: { atStart: loadAtStart, atEnd: uptime() },
          cohortSize: COHORT_SIZE,
          workerProcesses: 1 + EXTRA_WORKERS,
          batchConcurrency: BATCH_CONCURRENCY,
          connectorsAloneMessagesPerSecond: round(connectorsAlone, 1),
          connectorsAloneCpuMicrosecondsPerMessage: connectorsAloneCpu,
          sandboxDirectMessagesPerSecond: round(sandboxDirect, 1),
          perContact,
          cohort,
          judged: {
            cohortOverPerContactThroughput: round(cohort.contactsPerSecond / perContact.contactsPerSecond, 1),
            cohortHistoryEventsPerContact: round(cohort.historyEventsPerContact, 4),
            cohortMessagesOverConnectorsAlone: round(cohort.messagesPerSecond / connectorsAlone),
          },
          reported: { cohortMessagesOverSandboxDirect: round(cohort.messagesPerSecond / sandboxDirect) },
          targets: { throughputRatio: 50, historyEventsPerContact: 0.05, messagesRatio: 0.5 },
        },
        null,
        2,
      ),
    );
  } finally {
    await stack.stop();
  }
}

/** One broadcast of `size` new contacts, run one journey each or as cohorts; waits until every journey exited. */
async function broadcast(bed: Bed, mode: Mode, size: number): Promise<BroadcastResult> {
  const tag = `${mode}-${bed.run}`;
  await insertContacts(bed, tag, size);
  await bed.admin.call('PATCH', '/workspace', { cohortThreshold: mode === 'cohort' ? 1 : 100_000 });
  const fireAt = Math.ceil((Date.now() + 6_000) / 1000) * 1000;
  const campaign = await bed.admin.call<{ id: string }>('POST', '/campaigns', {
    name: `Broadcast ${tag}`,
    graph: broadcastGraph(bed.accountId, tag, fireAt),
  });
  const published = await bed.admin.call<{ campaign: { state: string } }>(
    'POST',
    `/campaigns/${campaign.id}/publish`,
  );
  if (published.campaign.state !== 'active') throw new Error(`campaign ${published.campaign.state}`);
  const cpuBefore = cpuOf(bed);
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { rows } = await bed.db.query<{ exited: number; all: number }>(
      `SELECT count(*) FILTER (WHERE status = 'exited')::int AS exited, count(*)::int AS all
         FROM enrollments WHERE campaign_id = $1`,
      [campaign.id],
    );
    if (rows[0]!.exited >= size) break;
    if (Date.now() > deadline)
      throw new Error(`${mode}: ${JSON.stringify(rows[0])} of ${size} after the timeout`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const cpuAfter = cpuOf(bed);
  const { rows: timing } = await bed.db.query<{
    first: Date;
    last: Date;
    firstMessage: Date;
    lastSent: Date;
  }>(
    `SELECT (SELECT min(entered_at) FROM enrollments WHERE campaign_id = $1) AS first,
            (SELECT max(exited_at) FROM enrollments WHERE campaign_id = $1) AS last,
            (SELECT min(created_at) FROM messages WHERE campaign_id = $1) AS "firstMessage",
            (SELECT max(sent_at) FROM messages WHERE campaign_id = $1) AS "lastSent"`,
    [campaign.id],
  );
  const { first, last, firstMessage, lastSent } = timing[0]!;
  // The broadcast begins when its schedule fires; it ends when the last journey has exited.
  const seconds = (last.getTime() - Math.min(fireAt, first.getTime())) / 1000;
  const sendingSeconds = (lastSent.getTime() - firstMessage.getTime()) / 1000;
  const history = await historyOf(bed, mode, campaign.id);
  const verified = await verify(bed, campaign.id);
  const cpuSeconds = Object.fromEntries(
    Object.entries(cpuAfter).map(([name, value]) => [
      name,
      round(((value - cpuBefore[name as keyof typeof cpuBefore]) * 1000) / size, 3),
    ]),
  );
  return {
    mode,
    contacts: size,
    seconds: round(seconds, 1),
    contactsPerSecond: round(size / seconds, 1),
    messagesPerSecond: round(verified.sentLedgerRows / Math.max(sendingSeconds, 0.001), 1),
    historyEvents: history.events,
    historyEventsPerContact: round(history.events / size, 4),
    workflows: history.workflows,
    cpuSecondsPerThousandContacts: cpuSeconds,
    verified,
  };
}

/** N contacts with Vietnamese mobile numbers and the tag, written in one statement. */
async function insertContacts(bed: Bed, tag: string, size: number): Promise<void> {
  const offset = (await bed.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts')).rows[0]!.n;
  await bed.db.query(
    `INSERT INTO contacts (workspace_id, phone, name, tags)
     SELECT $1, '8497' || lpad((i + $2)::text, 7, '0'), 'Khách hàng ' || i, ARRAY[$3]
       FROM generate_series(1, $4) AS i`,
    [bed.workspaceId, offset, tag, size],
  );
}

function broadcastGraph(accountId: string, tag: string, fireAt: number) {
  const at = DateTime.fromMillis(fireAt, { zone: TIMEZONE }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start',
        type: 'trigger.schedule',
        position: { x: 0, y: 0 },
        data: { audience: { kind: 'tag', tag }, schedule: { kind: 'once', at } },
      },
      {
        id: 'zns',
        type: 'send.zns',
        position: { x: 0, y: 150 },
        data: {
          accountId,
          templateId: TEMPLATE_ID,
          params: { ...templateData, customer_name: '{{ contact.name }}' },
        },
      },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 300 }, data: { reason: 'sent' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' },
      { id: 'e2', source: 'zns', sourceHandle: 'success', target: 'done' },
    ],
    settings: { timezone: TIMEZONE },
  };
}

/**
 * History events of every workflow of the broadcast: its campaignRun runs and its cohorts (all of them), or its
 * contactJourneys (a sample of 200, scaled: describing each of thousands would take longer than the broadcast).
 */
async function historyOf(
  bed: Bed,
  mode: Mode,
  campaignId: string,
): Promise<{ events: number; workflows: number }> {
  const lengths = async (query: string, limit = Infinity) => {
    const found: number[] = [];
    let total = 0;
    for await (const workflow of bed.temporal.workflow.list({ query })) {
      total += 1;
      if (found.length < limit) found.push(workflow.historyLength);
    }
    const sum = found.reduce((a, b) => a + b, 0);
    return { total, events: found.length === 0 ? 0 : (sum / found.length) * total };
  };
  const runs = await lengths(
    `WorkflowType = 'campaignRun' AND WorkflowId STARTS_WITH 'campaign-run:${campaignId}'`,
  );
  const journeys =
    mode === 'cohort'
      ? await lengths(`WorkflowType = 'cohortJourney' AND WorkflowId STARTS_WITH 'cohort:${campaignId}:'`)
      : await lengths(
          `WorkflowType = 'contactJourney' AND WorkflowId STARTS_WITH 'journey:${campaignId}:'`,
          200,
        );
  return { events: Math.round(runs.events + journeys.events), workflows: runs.total + journeys.total };
}

/** Exactly one exited journey, one sent ledger row and one sandbox ZNS per contact. */
async function verify(bed: Bed, campaignId: string): Promise<BroadcastResult['verified']> {
  const { rows } = await bed.db.query<{ exited: number; sent: number; contacts: number }>(
    `SELECT (SELECT count(*)::int FROM enrollments WHERE campaign_id = $1 AND status = 'exited') AS exited,
            (SELECT count(*)::int FROM messages WHERE campaign_id = $1 AND status IN ('sent', 'delivered', 'seen'))
              AS sent,
            (SELECT count(DISTINCT contact_id)::int FROM messages WHERE campaign_id = $1) AS contacts`,
    [campaignId],
  );
  const { rows: recipients } = await bed.db.query<{ recipient: string }>(
    'SELECT recipient FROM messages WHERE campaign_id = $1',
    [campaignId],
  );
  const sentTo = new Set(recipients.map((row) => row.recipient));
  let inboxZns = 0;
  for (let offset = 0; ; offset += INBOX_PAGE) {
    const page = (await (
      await fetch(`${bed.sandbox.info.urls.inbox}/messages?channel=zns&offset=${offset}&limit=${INBOX_PAGE}`)
    ).json()) as Array<{ recipient: string }>;
    if (!Array.isArray(page)) throw new Error(`the sandbox's inbox answered ${JSON.stringify(page)}`);
    inboxZns += page.filter((message) => sentTo.has(message.recipient)).length;
    if (page.length < INBOX_PAGE) break;
  }
  const result = {
    enrollmentsExited: rows[0]!.exited,
    sentLedgerRows: rows[0]!.sent,
    distinctContactsSent: rows[0]!.contacts,
    inboxZns,
  };
  if (new Set(Object.values(result)).size !== 1) {
    const { rows: statuses } = await bed.db.query(
      `SELECT status, error_code, reason, count(*)::int AS n FROM messages WHERE campaign_id = $1
        GROUP BY 1, 2, 3`,
      [campaignId],
    );
    throw new Error(
      `not one of each per contact: ${JSON.stringify(result)}; ledger ${JSON.stringify(statuses)}`,
    );
  }
  if (new Set(Object.values(result)).size !== 1)
    throw new Error(`not one of each per contact: ${JSON.stringify(result)}`);
  return result;
}

/**
 * ZNS per second the connector reaches alone against the same sandbox, with the cohort batch's concurrency, and the CPU
 * it took per message: this process's (the connector and its load) and the sandbox's.
 */
async function connectorRate(
  info: SandboxInfo,
  sandboxPid: number,
  messages: number,
): Promise<{ perSecond: number; cpuMicrosecondsPerMessage: { connector: number; sandbox: number } }> {
  const http = createHttpClient();
  const connector = new ZnsConnector({ http, tokens: await seededTokenManager(info, http) });
  const account = zaloOaAccountSchema.parse(sandboxZaloConfig(info));
  const send = async (index: number) => {
    const outcome = await connector.send({
      account,
      idempotencyKey: `connector:zns:${index}`,
      message: { phone: `8491${String(index).padStart(7, '0')}`, templateId: TEMPLATE_ID, templateData },
    });
    if (!isSent(outcome)) throw new Error(`the connector's send failed: ${JSON.stringify(outcome)}`);
  };
  await runPool(200, BATCH_CONCURRENCY, send);
  const startedAt = performance.now();
  const before = { connector: cpuSecondsOf(process.pid), sandbox: cpuSecondsOf(sandboxPid) };
  await runPool(messages, BATCH_CONCURRENCY, (index) => send(index + 200));
  const perMessage = (seconds: number) => Math.round((seconds * 1e6) / messages);
  return {
    perSecond: messages / ((performance.now() - startedAt) / 1000),
    cpuMicrosecondsPerMessage: {
      connector: perMessage(cpuSecondsOf(process.pid) - before.connector),
      sandbox: perMessage(cpuSecondsOf(sandboxPid) - before.sandbox),
    },
  };
}

function cpuOf(bed: Bed): Record<'api' | 'temporal' | 'postgres' | 'sandbox' | 'redis', number> {
  const sample = cpuSample(bed.sandbox.pid);
  return {
    api: [bed.api.child, ...bed.api.workers].reduce((sum, child) => sum + cpuSecondsOf(child.pid ?? 0), 0),
    temporal: bed.server.pid ? cpuSecondsOfGroup(bed.server.pid) : 0,
    postgres: sample.postgres,
    sandbox: sample.sandbox,
    redis: sample.redis,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
