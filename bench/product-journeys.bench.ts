// Journeys per second through the whole product (issue 10): N `order.created` events tracked through POST /v1/batch
// -> stored, contact resolved (Bull) -> routed to the campaign (Bull, signalWithStart) -> contactJourney on the API's
// in-process worker -> ZNS through the send service and its ledger to the provider sandbox -> exit recorded; next to
// the engine-only figure of bench/journey-throughput.bench.ts (the same journey, activities faked) measured in the
// same run on the same Temporal dev server, in alternating rounds. Judged by the ratio product / engine-only; each
// product round must leave exactly N sent ledger rows and N ZNS messages in the sandbox inbox, one per contact.
import type { Client as TemporalClient } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { engineBenchPlan, engineOnlyRound, fakeActivities } from './support/engine-journeys';
import { percentile, round } from './support/measure';
import { cpuSecondsOf, cpuSecondsOfGroup } from './support/process-cpu';
import { ApiCaller, type ProductApi } from './support/product-api';
import { startProductStack } from './support/product-stack';
import { runPool } from './support/run-pool';
import type { SandboxInfo } from './support/sandbox-client';
import { connectSandboxOa } from './support/sandbox-oa';
import type { DevServer } from './support/temporal-dev-server';

const JOURNEYS = Number(process.env.LOA_BENCH_JOURNEYS ?? 200);
const ROUNDS = Number(process.env.LOA_BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.LOA_BENCH_WARMUP_JOURNEYS ?? 40);
const EVENTS_PER_BATCH = Number(process.env.LOA_BENCH_BATCH ?? 100);
const ROUND_TIMEOUT_MS = Number(process.env.LOA_BENCH_ROUND_TIMEOUT_SECONDS ?? 600) * 1000;
/** In flight in the engine-only rounds, as in bench/journey-throughput.bench.ts. */
const ENGINE_CONCURRENCY = Number(process.env.LOA_BENCH_ENGINE_CONCURRENCY ?? 100);
const TEMPLATE_ID = '300001';
const EVENT = 'order.created';

interface BenchContact {
  userId: string;
  phone: string;
  name: string;
}

/** One journey's times: stored by the product (events, messages, enrollments) and from its Temporal history. */
interface Stamps {
  workflowId: string;
  received: Date;
  processed: Date;
  messageCreated: Date;
  providerAccepted: Date;
  exited: Date;
  started?: Date;
  firstTask?: Date;
  sendScheduled?: Date;
  sendStarted?: Date;
  sendCompleted?: Date;
  closed?: Date;
}

type Cpu = Record<'api' | 'temporal' | 'postgres' | 'sandbox' | 'bench', number>;

/** The stages of a journey, each from one stored timestamp to the next. */
const STAGES: Array<[string, (s: Stamps) => number | undefined]> = [
  ['event received → processed (contact resolved, Bull)', (s) => ms(s.processed, s.received)],
  ['processed → workflow started (routed, signalWithStart)', (s) => ms(s.started, s.processed)],
  ['workflow started → first workflow task started', (s) => ms(s.firstTask, s.started)],
  ['first workflow task → send activity scheduled', (s) => ms(s.sendScheduled, s.firstTask)],
  ['send activity scheduled → started', (s) => ms(s.sendStarted, s.sendScheduled)],
  ['send activity started → ledger row created', (s) => ms(s.messageCreated, s.sendStarted)],
  ['ledger row created → provider accepted', (s) => ms(s.providerAccepted, s.messageCreated)],
  ['provider accepted → send activity completed', (s) => ms(s.sendCompleted, s.providerAccepted)],
  ['send activity completed → journey exited', (s) => ms(s.exited, s.sendCompleted)],
  ['journey exited → workflow closed (recorded)', (s) => ms(s.closed, s.exited)],
  ['total: event received → journey exited', (s) => ms(s.exited, s.received)],
];

function ms(later: Date | undefined, earlier: Date | undefined): number | undefined {
  return later && earlier ? later.getTime() - earlier.getTime() : undefined;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const uptime = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const loadAtStart = uptime();
  const stack = await startProductStack({ name: 'product', inboxLimit: Math.max(1_000, JOURNEYS * 2) });
  try {
    const { run, databaseName, server, sandbox, api, db, temporal } = stack;

    const setup = await setUpWorkspace(api, sandbox.info, db, run);
    console.log(`workspace ready: campaign ${setup.campaignId}, ZNS account ${setup.accountId}`);
    const bench = new ProductBench({
      api,
      db,
      databaseName,
      temporal,
      server,
      sandbox,
      ...setup,
      run,
    });
    const results = await bench.measure();
    const productRate = median(results.product.map((r) => r.rate));
    const engineRate = median(results.engine.map((r) => r.rate));
    const productCpu = medianCpu(results.product.map((r) => r.cpuMsPerJourney));
    const engineCpu = medianCpu(results.engine.map((r) => r.cpuMsPerJourney));
    const stages = Object.fromEntries(
      STAGES.map(([name, of]) => {
        const values = results.stamps
          .map(of)
          .filter((value): value is number => value !== undefined)
          .sort((a, b) => a - b);
        return [name, { medianMs: percentile(values, 50), p95Ms: percentile(values, 95), n: values.length }];
      }),
    );
    console.log(`\n${'stage'.padEnd(55)}  median      p95   (ms)`);
    for (const [name, figure] of Object.entries(stages)) {
      console.log(
        `${name.padEnd(55)} ${String(figure.medianMs).padStart(7)} ${String(figure.p95Ms).padStart(8)}`,
      );
    }
    console.log(
      JSON.stringify(
        {
          benchmark: 'journeys/s through the whole product vs engine-only, trigger.event -> send.zns -> exit',
          machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
          loadAverage: { atStart: loadAtStart, atEnd: uptime() },
          journeysPerRound: JOURNEYS,
          rounds: ROUNDS,
          eventsPerBatch: EVENTS_PER_BATCH,
          engineConcurrency: ENGINE_CONCURRENCY,
          productJourneysPerSecond: results.product.map((r) => round(r.rate, 1)),
          engineOnlyJourneysPerSecond: results.engine.map((r) => round(r.rate, 1)),
          productMedian: round(productRate, 1),
          engineOnlyMedian: round(engineRate, 1),
          ratio: round(productRate / engineRate),
          ratioPerRound: results.product.map((r, i) => round(r.rate / results.engine[i]!.rate)),
          productJourneysStartedPerSecond: results.product.map((r) => round(r.routedRate ?? 0, 1)),
          // Load-independent view: the ratio if every process were CPU-bound on the same cores.
          cpuRatioEngineOverProduct: round(cpuTotal(engineCpu) / cpuTotal(productCpu)),
          cpuMsPerJourney: { product: productCpu, engineOnly: engineCpu },
          verified: results.verified,
          stages,
        },
        null,
        2,
      ),
    );
  } finally {
    await stack.stop();
  }
}

const stageMedians = (stamps: Stamps[]) =>
  STAGES.map(([, of]) => median(stamps.map(of).filter((value): value is number => value !== undefined))).join(
    ' / ',
  );

const cpuTotal = (cpu: Cpu) => cpu.api + cpu.temporal + cpu.postgres + cpu.sandbox + cpu.bench;

function medianCpu(samples: Cpu[]): Cpu {
  const of = (key: keyof Cpu) => round(median(samples.map((sample) => sample[key])), 2);
  return {
    api: of('api'),
    temporal: of('temporal'),
    postgres: of('postgres'),
    sandbox: of('sandbox'),
    bench: of('bench'),
  };
}

/**
 * Through the API as an admin would: a connected Zalo OA on the sandbox (the OAuth redirect), its templates synced,
 * an ingest key, the campaign published.
 */
async function setUpWorkspace(
  api: ProductApi,
  info: SandboxInfo,
  db: Client,
  run: string,
): Promise<{ ingest: ApiCaller; campaignId: string; accountId: string; workspaceId: string }> {
  const admin = await ApiCaller.signIn(api.url, api.admin.email, api.admin.password);
  const { key } = await admin.call<{ key: string }>('POST', '/api-keys', { name: 'bench', scope: 'ingest' });
  const ingest = ApiCaller.withKey(api.url, key);
  const account = { id: (await connectSandboxOa(admin, info, TEMPLATE_ID)).accountId };
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: EVENT } },
      {
        id: 'zns',
        type: 'send.zns',
        position: { x: 0, y: 150 },
        data: {
          accountId: account.id,
          templateId: TEMPLATE_ID,
          params: {
            customer_name: '{{ contact.name }}',
            order_code: '{{ event.orderId }}',
            amount: '{{ event.total }}',
            order_date: '{{ event.orderDate }}',
          },
        },
      },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 300 }, data: { reason: 'sent' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' },
      { id: 'e2', source: 'zns', sourceHandle: 'success', target: 'done' },
    ],
  };
  const campaign = await admin.call<{ id: string }>('POST', '/campaigns', {
    name: `Xác nhận đơn hàng ${run}`,
    graph,
  });
  const published = await admin.call<{ campaign: { state: string } }>(
    'POST',
    `/campaigns/${campaign.id}/publish`,
  );
  if (published.campaign.state !== 'active') throw new Error(`campaign ${published.campaign.state}`);
  const [{ id: workspaceId }] = (await db.query<{ id: string }>(`SELECT id FROM workspaces`)).rows as [
    { id: string },
  ];
  return { ingest, campaignId: campaign.id, accountId: account.id, workspaceId };
}

interface RoundResult {
  rate: number;
  cpuMsPerJourney: Cpu;
  /** Product rounds: journeys started per second, from the first event received to the last workflow started. */
  routedRate?: number;
}

class ProductBench {
  private contactCount = 0;
  private sentSoFar = 0;
  private inboxZns = 0;
  private readonly backendCpu = new Map<number, number>();

  constructor(
    private readonly bed: {
      api: ProductApi;
      db: Client;
      databaseName: string;
      temporal: TemporalClient;
      server: DevServer;
      sandbox: { info: SandboxInfo; pid: number };
      ingest: ApiCaller;
      campaignId: string;
      workspaceId: string;
      run: string;
    },
  ) {}

  async measure(): Promise<{
    product: RoundResult[];
    engine: RoundResult[];
    stamps: Stamps[];
    verified: { journeysExited: number; ledgerRowsSent: number; sandboxInboxZns: number };
  }> {
    const contacts = await this.createContacts(WARMUP + JOURNEYS * ROUNDS);
    const taskQueue = `bench-engine-${this.bed.run}`;
    const nativeConnection = await NativeConnection.connect({ address: this.bed.server.address });
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowsPath: join(__dirname, 'support', 'bench-workflows.ts'),
      activities: fakeActivities(),
    });
    const plan = engineBenchPlan();
    const engine = async (label: string, count: number): Promise<RoundResult> => {
      const before = this.cpu();
      const rate = await engineOnlyRound({
        client: this.bed.temporal,
        taskQueue,
        plan,
        round: `${this.bed.run}-${label}`,
        count,
        concurrency: ENGINE_CONCURRENCY,
      });
      return { rate, cpuMsPerJourney: perJourney(before, this.cpu(), count) };
    };
    const product: RoundResult[] = [];
    const engineRounds: RoundResult[] = [];
    const stamps: Stamps[] = [];
    try {
      await worker.runUntil(async () => {
        await this.productRound('warm', contacts.slice(0, WARMUP));
        await engine('warm', WARMUP);
        console.log(`warm-up done (${WARMUP} journeys each); load average ${uptime()}`);
        for (let r = 0; r < ROUNDS; r += 1) {
          const slice = contacts.slice(WARMUP + r * JOURNEYS, WARMUP + (r + 1) * JOURNEYS);
          // Alternate which goes first, so that neither always runs on a server still busy with the other's history.
          const order = r % 2 === 0 ? (['product', 'engine'] as const) : (['engine', 'product'] as const);
          for (const which of order) {
            if (which === 'engine') {
              const result = await engine(`r${r}`, JOURNEYS);
              engineRounds.push(result);
              console.log(
                `round ${r + 1} engine-only: ${round(result.rate, 1)} journeys/s; CPU ms per journey ${JSON.stringify(result.cpuMsPerJourney)}`,
              );
            } else {
              const result = await this.productRound(`r${r}`, slice);
              product.push(result);
              stamps.push(...result.stamps);
              console.log(
                `round ${r + 1} product:     ${round(result.rate, 1)} journeys/s (wall clock ${round(result.wallRate, 1)}, started ${round(result.routedRate ?? 0, 1)}/s); CPU ms per journey ${JSON.stringify(result.cpuMsPerJourney)}; load average ${uptime()}`,
              );
              console.log(
                `  stage medians (ms, in the order of the table below): ${stageMedians(result.stamps)}`,
              );
            }
          }
        }
      });
    } finally {
      await nativeConnection.close();
    }
    const ledger = await this.bed.db.query<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM messages WHERE campaign_id = $1 AND status IN ('sent', 'delivered', 'seen')`,
      [this.bed.campaignId],
    );
    return {
      product,
      engine: engineRounds,
      stamps,
      verified: {
        journeysExited: this.sentSoFar,
        ledgerRowsSent: ledger.rows[0]!.sent,
        sandboxInboxZns: this.inboxZns,
      },
    };
  }

  /** Contacts with a Zalo phone and a name, through POST /v1/batch identify calls (not measured). */
  private async createContacts(count: number): Promise<BenchContact[]> {
    const contacts = Array.from({ length: count }, (_, i): BenchContact => {
      const n = this.contactCount + i;
      return {
        userId: `kh-${this.bed.run}-${n}`,
        // 091…: mobile numbers the sandbox knows on Zalo (its seed's non-Zalo numbers are 0900…).
        phone: `091${String(n).padStart(7, '0')}`,
        name: `Khách ${n}`,
      };
    });
    this.contactCount += count;
    const batches = chunk(contacts, EVENTS_PER_BATCH);
    await runPool(batches.length, 2, (b) =>
      this.bed.ingest.call('POST', '/v1/batch', {
        batch: batches[b]!.map((contact) => ({
          type: 'identify',
          messageId: `id-${contact.userId}`,
          userId: contact.userId,
          traits: { phone: contact.phone, name: contact.name },
        })),
      }),
    );
    await this.until('every identify processed and routed', async () => {
      const { rows } = await this.bed.db.query<{ unprocessed: number; contacts: number; behind: boolean }>(
        `SELECT (SELECT count(*)::int FROM events WHERE processed_at IS NULL) AS unprocessed,
                (SELECT count(*)::int FROM contacts WHERE phone IS NOT NULL) AS contacts,
                COALESCE((SELECT processed_seq FROM event_routing_cursors)
                  < (SELECT max(processed_seq) FROM events), false) AS behind`,
      );
      const row = rows[0]!;
      if (row.unprocessed > 0 || row.contacts < this.contactCount || row.behind)
        throw new Error(JSON.stringify(row));
    });
    return contacts;
  }

  private async productRound(
    label: string,
    contacts: BenchContact[],
  ): Promise<RoundResult & { wallRate: number; stamps: Stamps[] }> {
    const n = contacts.length;
    const prefix = `${this.bed.run}-${label}-`;
    await fetch(`${this.bed.sandbox.info.urls.inbox}/messages`, { method: 'DELETE' });
    const before = this.cpu();
    const started = performance.now();
    const batches = chunk(contacts, EVENTS_PER_BATCH);
    for (const [b, batch] of batches.entries()) {
      const answer = await this.bed.ingest.call<{ accepted: string[] }>('POST', '/v1/batch', {
        batch: batch.map((contact, i) => ({
          type: 'track',
          messageId: `${prefix}${b * EVENTS_PER_BATCH + i}`,
          userId: contact.userId,
          event: EVENT,
          properties: {
            orderId: `DH-${label}-${b * EVENTS_PER_BATCH + i}`,
            total: 450000,
            orderDate: '01/12/2026',
          },
          timestamp: new Date().toISOString(),
        })),
      });
      if (answer.accepted.length !== batch.length)
        throw new Error(`batch accepted ${JSON.stringify(answer)}`);
    }
    await this.until(
      `${n} journeys of round ${label} exited`,
      async () => {
        const { rows } = await this.bed.db.query<{ exited: number }>(
          `SELECT count(*) FILTER (WHERE status = 'exited')::int AS exited FROM enrollments
            WHERE campaign_id = $1 AND entry_event_id LIKE $2`,
          [this.bed.campaignId, `${prefix}%`],
        );
        if (rows[0]!.exited < n) throw new Error(await this.whereAreThey(prefix));
      },
      ROUND_TIMEOUT_MS,
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuMsPerJourney = perJourney(before, this.cpu(), n);
    await this.verify(label, prefix, contacts);
    const stamps = await this.stamps(prefix);
    const first = Math.min(...stamps.map((s) => s.received.getTime()));
    const last = Math.max(...stamps.map((s) => s.exited.getTime()));
    const lastStarted = Math.max(...stamps.map((s) => s.started?.getTime() ?? 0));
    return {
      rate: n / ((last - first) / 1000),
      routedRate: n / ((lastStarted - first) / 1000),
      wallRate: n / wallSeconds,
      cpuMsPerJourney,
      stamps,
    };
  }

  /** Exactly one journey, one sent ledger row and one ZNS in the sandbox inbox per contact of the round. */
  private async verify(label: string, prefix: string, contacts: BenchContact[]): Promise<void> {
    const n = contacts.length;
    const { rows } = await this.bed.db.query<{
      events: number;
      enrollments: number;
      exitedSent: number;
      contacts: number;
      messages: number;
      sent: number;
      messageContacts: number;
      campaignMessages: number;
    }>(
      `WITH round AS (SELECT * FROM enrollments WHERE campaign_id = $1 AND entry_event_id LIKE $2)
       SELECT (SELECT count(*)::int FROM events WHERE message_id LIKE $2) AS events,
              (SELECT count(*)::int FROM round) AS enrollments,
              (SELECT count(*)::int FROM round WHERE status = 'exited' AND exit_reason = 'sent') AS "exitedSent",
              (SELECT count(DISTINCT contact_id)::int FROM round) AS contacts,
              (SELECT count(*)::int FROM messages m WHERE m.campaign_id = $1
                  AND m.contact_id IN (SELECT contact_id FROM round)) AS messages,
              (SELECT count(*)::int FROM messages m WHERE m.campaign_id = $1 AND status IN ('sent', 'delivered', 'seen')
                  AND m.contact_id IN (SELECT contact_id FROM round)) AS sent,
              (SELECT count(DISTINCT contact_id)::int FROM messages m WHERE m.campaign_id = $1
                  AND m.contact_id IN (SELECT contact_id FROM round)) AS "messageContacts",
              (SELECT count(*)::int FROM messages WHERE campaign_id = $1) AS "campaignMessages"`,
      [this.bed.campaignId, `${prefix}%`],
    );
    const got = rows[0]!;
    const inbox = (await (
      await fetch(`${this.bed.sandbox.info.urls.inbox}/messages?channel=zns`)
    ).json()) as Array<{ recipient: string }>;
    const recipients = new Set(inbox.map((message) => message.recipient));
    const expected = new Set(contacts.map((contact) => `84${contact.phone.slice(1)}`));
    const inboxOk =
      inbox.length === n && recipients.size === n && [...expected].every((phone) => recipients.has(phone));
    const want = {
      events: n,
      enrollments: n,
      exitedSent: n,
      contacts: n,
      messages: n,
      sent: n,
      messageContacts: n,
      campaignMessages: this.sentSoFar + n,
    };
    if (JSON.stringify(got) !== JSON.stringify(want) || !inboxOk) {
      throw new Error(
        `round ${label} does not add up: ${JSON.stringify({ got, want, inbox: inbox.length, distinctInboxRecipients: recipients.size })}`,
      );
    }
    this.sentSoFar += n;
    this.inboxZns += inbox.length;
  }

  /** Each journey's stored timestamps, and the times of its Temporal history's events. */
  private async stamps(prefix: string): Promise<Stamps[]> {
    const { rows } = await this.bed.db.query<Stamps>(
      `SELECT en.workflow_id AS "workflowId", ev.received_at AS received, ev.processed_at AS processed,
              m.created_at AS "messageCreated", m.sent_at AS "providerAccepted", en.exited_at AS exited
         FROM enrollments en
         JOIN events ev ON ev.workspace_id = en.workspace_id AND ev.message_id = en.entry_event_id
         JOIN messages m ON m.campaign_id = en.campaign_id AND m.contact_id = en.contact_id
        WHERE en.campaign_id = $1 AND en.entry_event_id LIKE $2`,
      [this.bed.campaignId, `${prefix}%`],
    );
    await runPool(rows.length, 8, async (i) => {
      const history = await this.bed.temporal.workflow.getHandle(rows[i]!.workflowId).fetchHistory();
      Object.assign(rows[i]!, historyTimes(history.events ?? []));
    });
    return rows;
  }

  /** What a round that does not finish has done so far, stage by stage. */
  private async whereAreThey(prefix: string): Promise<string> {
    const { rows } = await this.bed.db.query(
      `SELECT (SELECT count(*)::int FROM events WHERE message_id LIKE $2) AS stored,
              (SELECT count(*)::int FROM events WHERE message_id LIKE $2 AND processed_at IS NOT NULL) AS processed,
              (SELECT count(*)::int FROM enrollments WHERE campaign_id = $1 AND entry_event_id LIKE $2) AS enrolled,
              (SELECT count(*)::int FROM enrollments WHERE campaign_id = $1 AND entry_event_id LIKE $2
                  AND status = 'exited') AS exited,
              (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM messages
                  WHERE campaign_id = $1 GROUP BY status) s) AS "campaignMessages"`,
      [this.bed.campaignId, `${prefix}%`],
    );
    return JSON.stringify(rows[0]);
  }

  private async until(what: string, probe: () => Promise<void>, timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await probe();
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** CPU seconds of this database's backends, those that have ended since counted as last seen. */
  private postgresCpu(): number {
    for (const pid of postgresBackends(this.bed.databaseName)) this.backendCpu.set(pid, cpuSecondsOf(pid));
    return [...this.backendCpu.values()].reduce((sum, seconds) => sum + seconds, 0);
  }

  /** CPU seconds so far of the API process (API and worker), the Temporal server, this database's backends, etc. */
  private cpu(): Cpu {
    return {
      api: cpuSecondsOf(this.bed.api.child.pid ?? 0),
      temporal: this.bed.server.pid ? cpuSecondsOfGroup(this.bed.server.pid) : 0,
      postgres: this.postgresCpu(),
      sandbox: cpuSecondsOf(this.bed.sandbox.pid),
      bench: cpuSecondsOf(process.pid),
    };
  }
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

/** When the workflow started, its first task started, its sendZns activity was scheduled, started and completed. */
function historyTimes(events: HistoryEvent[]): Partial<Stamps> {
  const at = (event: HistoryEvent | undefined) =>
    event?.eventTime
      ? new Date(Number(event.eventTime.seconds ?? 0) * 1000 + Math.floor((event.eventTime.nanos ?? 0) / 1e6))
      : undefined;
  const first = (type: number) => events.find((event) => event.eventType === type);
  const scheduled = events.find(
    (event) =>
      event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
      event.activityTaskScheduledEventAttributes?.activityType?.name === 'sendZns',
  );
  const ofSend = (type: number) =>
    events.find((event) => {
      if (event.eventType !== type) return false;
      const attributes =
        event.activityTaskStartedEventAttributes ?? event.activityTaskCompletedEventAttributes;
      return String(attributes?.scheduledEventId) === String(scheduled?.eventId);
    });
  return {
    started: at(first(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)),
    firstTask: at(first(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)),
    sendScheduled: at(scheduled),
    sendStarted: at(ofSend(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)),
    sendCompleted: at(ofSend(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)),
    closed: at(first(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)),
  };
}

/** PostgreSQL backends serving `database`, from their titles (`postgres: [cluster: ]user database host state`). */
function postgresBackends(database: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        return /^postgres: (?:\S+: )?\S+ (\S+) /.exec(command)?.[1] === database;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function perJourney(before: Cpu, after: Cpu, journeys: number): Cpu {
  const per = (key: keyof Cpu) => round(((after[key] - before[key]) * 1000) / journeys, 2);
  return {
    api: per('api'),
    temporal: per('temporal'),
    postgres: per('postgres'),
    sandbox: per('sandbox'),
    bench: per('bench'),
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
