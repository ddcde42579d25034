// Campaign reports over 1,000,000 ledger rows on PostgreSQL (issue 12 §3): seeds one campaign with 500,000
// journeys (step events for a split, a ZNS send and an SMS send) and 1,000,000 messages in SQL (INSERT … SELECT
// generate_series), then times the overview, nodes and channels reports as the API computes them (median of
// several runs, ms). Before/after of migrations 1765080000000 and 1765090000000: nodes from the step events
// themselves (the path a time window takes) and channels from the ledger rows (the path a window not on whole hours
// takes) against the maintained counters; and what the counters cost the journey recorder and the ledger's writes.
// DATABASE_URL names the server (default postgres://loa:loa@127.0.0.1:5432/postgres); a database of its own is
// created for the run and dropped after it. BENCH_EXPLAIN=1 also prints each query plan.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { campaignOverview } from '../apps/api/src/reports/campaign-overview.query';
import { channelReport } from '../apps/api/src/reports/channel-report.query';
import { JourneyRecorder } from '../apps/api/src/journeys/journey-recorder.service';
import { nodeReport } from '../apps/api/src/reports/node-report.query';
import type { ReportScope } from '../apps/api/src/reports/report-scope';
import { percentile, round } from './support/measure';

const JOURNEYS = 500_000;
const RUNS = 7;
/** The step counters' cost to the journey recorder: journeys recorded concurrently into the same counter rows. */
const RECORDED = 4_000;
const CONCURRENCY = 32;
/** The message counters' cost to the ledger's outcome writes. */
const OUTCOME_STATEMENTS = 4_000;
const OUTCOME_ROWS = 16;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const databaseName = `loa_bench_reports_${randomBytes(4).toString('hex')}`;

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const db = new DataSource(dataSourceOptions({ kind: 'postgres', url: url.toString() }));
  try {
    await db.initialize();
    const [version] = (await db.query('SHOW server_version')) as Array<{ server_version: string }>;
    const loadStarted = performance.now();
    const scope = await seed(db);
    const loadSeconds = round((performance.now() - loadStarted) / 1000, 1);
    const [counts] = (await db.query(
      `SELECT (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM enrollments)::int AS journeys,
              (SELECT count(*) FROM step_events)::int AS step_events`,
    )) as Array<Record<string, number>>;

    await db.query('DROP INDEX messages_campaign_idx');
    await db.query('VACUUM ANALYZE');
    // A window that does not start on a whole hour: nodes from the step events, channels from the ledger rows
    const before = await measureReports(db, { ...scope, from: new Date('2000-01-01T00:00:00.001Z') });
    await db.query(
      'CREATE INDEX messages_campaign_idx ON messages (workspace_id, campaign_id, created_at) WHERE campaign_id IS NOT NULL',
    );
    await db.query('VACUUM ANALYZE');
    const after = await measureReports(db, scope);
    const afterDays = await measureReports(db, {
      ...scope,
      from: new Date('2026-10-31T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
    // Alternated twice, so that neither side has the warm-up alone.
    const rounds = [];
    for (let pass = 0; pass < 2; pass += 1)
      rounds.push({
        withoutCounters: await withoutCounters(db, () => recordJourneys(db, scope)),
        withCounters: await recordJourneys(db, scope),
      });
    const ledgerRounds = [];
    for (let pass = 0; pass < 2; pass += 1)
      ledgerRounds.push({
        withoutCounters: await withoutMessageCounters(db, () => updateOutcomes(db, scope)),
        withCounters: await updateOutcomes(db, scope),
      });
    const recorder = {
      withoutCountersJourneysPerSecond: rounds.map((pass) => pass.withoutCounters),
      withCountersJourneysPerSecond: rounds.map((pass) => pass.withCounters),
    };
    console.log(
      JSON.stringify(
        {
          benchmark: 'campaign reports (overview, nodes, channels) over one campaign, median ms',
          machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version?.server_version}`,
          loadAverage: loadavg().map((load) => round(load)),
          seeded: counts,
          loadSeconds,
          before: {
            what: 'a window not on whole hours: nodes from step events (join), channels from the ledger rows without messages_campaign_idx',
            ...before,
          },
          after: {
            what: 'no window: nodes from campaign_step_counts, channels from campaign_message_counts',
            ...after,
          },
          afterDays: {
            what: 'a window of whole days (Vietnam): nodes and channels from the counters, by hour',
            ...afterDays,
          },
          ledgerWrites: {
            what: `${OUTCOME_STATEMENTS} outcome UPDATEs of ${OUTCOME_ROWS} campaign rows each, ${CONCURRENCY} at a time`,
            withoutCountersStatementsPerSecond: ledgerRounds.map((pass) => pass.withoutCounters),
            withCountersStatementsPerSecond: ledgerRounds.map((pass) => pass.withCounters),
          },
          recorder: {
            what: `${RECORDED} journeys recorded (3 step events each), ${CONCURRENCY} at a time, one campaign`,
            ...recorder,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    if (db.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}"`);
    await admin.end();
  }
}

const GRAPH = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', data: {} },
    {
      id: 'split',
      type: 'branch.split',
      data: {
        label: 'A/B',
        variants: [
          { id: 'a', label: 'A', weight: 50 },
          { id: 'b', label: 'B', weight: 50 },
        ],
      },
    },
    { id: 'zns', type: 'send.zns', data: {} },
    { id: 'sms', type: 'send.sms', data: {} },
  ],
  edges: [],
  settings: { timezone: 'Asia/Ho_Chi_Minh' },
};

/**
 * Journey i: split (variant a or b), ZNS (failed -131 for one in 25), SMS, exit `completed`; one in 20 still in
 * progress at the SMS step; one in 10 converted. Its two messages: ZNS (300 VND once delivered) and SMS (700 VND).
 */
async function seed(db: DataSource): Promise<ReportScope> {
  const actor = JSON.stringify({ kind: 'user', id: randomUUID(), name: 'Bench' });
  const [workspace] = (await db.query(
    `INSERT INTO workspaces (slug, name) VALUES ('bench-reports', 'Bench reports') RETURNING id`,
  )) as Array<{ id: string }>;
  const workspaceId = workspace?.id as string;
  const [campaign] = (await db.query(
    `INSERT INTO campaigns (workspace_id, name, draft_graph, draft_saved_by, created_by, updated_by, state)
     VALUES ($1, 'Bench', $2, $3, $3, $3, 'active') RETURNING id`,
    [workspaceId, JSON.stringify(GRAPH), actor],
  )) as Array<{ id: string }>;
  const campaignId = campaign?.id as string;
  const versionId = randomUUID();
  await db.query(
    `INSERT INTO campaign_versions (id, workspace_id, campaign_id, version, graph, plan, hash, published_by)
     VALUES ($1, $2, $3, 1, $4, '{}', 'bench', $5)`,
    [versionId, workspaceId, campaignId, JSON.stringify(GRAPH), actor],
  );
  const [zalo] = (await db.query(
    `INSERT INTO channel_accounts (workspace_id, kind, name, settings, status)
     VALUES ($1, 'zalo_oa', 'OA', '{}', 'connected') RETURNING id`,
    [workspaceId],
  )) as Array<{ id: string }>;
  const [esms] = (await db.query(
    `INSERT INTO channel_accounts (workspace_id, kind, name, settings, status)
     VALUES ($1, 'esms', 'eSMS', '{}', 'connected') RETURNING id`,
    [workspaceId],
  )) as Array<{ id: string }>;
  // Noise: another campaign's journeys in the same tables, a tenth of the size.
  for (const [campaign_id, size, offset] of [
    [campaignId, JOURNEYS, 0],
    [randomUUID(), JOURNEYS / 10, JOURNEYS],
  ] as const) {
    await db.query(
      `INSERT INTO enrollments (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key,
         status, current_step, exit_reason, converted, logged, entered_at, updated_at, exited_at)
       SELECT $1, $2, $3, gen_random_uuid(), 'wf-' || i, 'run', 'default',
         CASE WHEN i % 20 = 0 THEN 'active' ELSE 'exited' END,
         CASE WHEN i % 20 = 0 THEN 'sms' ELSE '$exit:completed' END,
         CASE WHEN i % 20 = 0 THEN NULL ELSE 'completed' END,
         i % 10 = 0, 8,
         timestamptz '2026-11-01' + i * interval '5 seconds',
         timestamptz '2026-11-01' + i * interval '5 seconds' + interval '1 hour',
         CASE WHEN i % 20 = 0 THEN NULL ELSE timestamptz '2026-11-01' + i * interval '5 seconds' + interval '1 hour' END
       FROM generate_series($4::int + 1, $4::int + $5::int) AS i`,
      [workspaceId, campaign_id, versionId, offset, size],
    );
    await db.query(
      `INSERT INTO step_events (enrollment_id, seq, step_id, outcome, at)
       SELECT e.id, s.seq,
         (ARRAY['split', 'split', 'zns', 'zns', 'sms', 'sms', '$exit:completed', 'sms'])[s.seq + 1],
         CASE s.seq
           WHEN 0 THEN 'entered' WHEN 1 THEN 'variant:' || CASE WHEN e.i % 2 = 0 THEN 'a' ELSE 'b' END
           WHEN 2 THEN 'entered' WHEN 3 THEN CASE WHEN e.i % 25 = 0 THEN 'failed' ELSE 'sent' END
           WHEN 4 THEN 'entered' WHEN 5 THEN 'sent' WHEN 6 THEN 'exit:completed' ELSE 'converted' END,
         e.entered_at + s.seq * interval '1 minute'
       FROM (SELECT id, entered_at, substr(workflow_id, 4)::int AS i FROM enrollments WHERE campaign_id = $1) e
       CROSS JOIN generate_series(0, 7) AS s (seq)
       WHERE (s.seq < 5 OR e.i % 20 <> 0) AND (s.seq < 7 OR e.i % 10 = 0)`,
      [campaign_id],
    );
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, campaign_id,
         campaign_version, step_id, status, error_class, error_code, error_message, cost, cost_currency,
         created_at, sent_at, delivered_at, seen_at, failed_at)
       SELECT $1, 'k-' || i || '-' || m.step, m.channel, 'marketing', m.account_id, $2, 1, m.step, m.status,
         CASE WHEN m.status = 'failed' THEN 'permanent' END,
         CASE WHEN m.status = 'failed' THEN '-131' END,
         CASE WHEN m.status = 'failed' THEN 'The ZNS template is not approved.' END,
         CASE WHEN m.status IN ('delivered', 'seen') OR m.channel = 'sms' THEN m.price END,
         CASE WHEN m.status IN ('delivered', 'seen') OR m.channel = 'sms' THEN 'VND' END,
         m.at, CASE WHEN m.status <> 'failed' THEN m.at END,
         CASE WHEN m.status IN ('delivered', 'seen') THEN m.at + interval '5 seconds' END,
         CASE WHEN m.status = 'seen' THEN m.at + interval '1 minute' END,
         CASE WHEN m.status = 'failed' THEN m.at END
       FROM generate_series($3::int + 1, $3::int + $4::int) AS i
       CROSS JOIN LATERAL (VALUES
         ('zns', 'zns', $5::uuid, 300,
          CASE WHEN i % 25 = 0 THEN 'failed' WHEN i % 3 = 0 THEN 'seen' WHEN i % 3 = 1 THEN 'delivered' ELSE 'sent' END,
          timestamptz '2026-11-01' + i * interval '5 seconds' + interval '2 minutes'),
         ('sms', 'sms', $6::uuid, 700, CASE WHEN i % 2 = 0 THEN 'delivered' ELSE 'sent' END,
          timestamptz '2026-11-01' + i * interval '5 seconds' + interval '4 minutes')
       ) AS m (step, channel, account_id, price, status, at)`,
      [workspaceId, campaign_id, offset, size, zalo?.id, esms?.id],
    );
  }
  return { workspaceId, campaignId, version: null, versionId: null, from: null, to: null };
}

async function measureReports(db: DataSource, scope: ReportScope) {
  const reports = {
    overview: () => campaignOverview(db.manager, scope),
    nodes: () => nodeReport(db.manager, scope),
    channels: () => channelReport(db.manager, scope),
  };
  const medians: Record<string, number> = {};
  for (const [name, report] of Object.entries(reports)) {
    await report();
    const durations: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await report();
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    medians[`${name}MedianMs`] = round(percentile(durations, 50));
  }
  if (process.env.BENCH_EXPLAIN === '1') await explain(db, scope);
  return medians;
}

/** The plans of the reports' queries, logged as the API sends them. */
async function explain(db: DataSource, scope: ReportScope): Promise<void> {
  const manager = db.manager;
  const query = manager.query.bind(manager);
  manager.query = (async (sql: string, params?: unknown[]) => {
    const plan = (await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as Array<{
      'QUERY PLAN': string;
    }>;
    console.log(plan.map((line) => line['QUERY PLAN']).join('\n'), '\n');
    return query(sql, params);
  }) as typeof manager.query;
  try {
    await campaignOverview(manager, scope);
    await nodeReport(manager, scope);
    await channelReport(manager, scope);
  } finally {
    manager.query = query;
  }
}

async function withoutCounters<T>(db: DataSource, run: () => Promise<T>): Promise<T> {
  await db.query('ALTER TABLE step_events DISABLE TRIGGER step_events_counted');
  try {
    return await run();
  } finally {
    await db.query('ALTER TABLE step_events ENABLE TRIGGER step_events_counted');
  }
}

async function withoutMessageCounters<T>(db: DataSource, run: () => Promise<T>): Promise<T> {
  await db.query('ALTER TABLE messages DISABLE TRIGGER messages_counted_on_update');
  try {
    return await run();
  } finally {
    await db.query('ALTER TABLE messages ENABLE TRIGGER messages_counted_on_update');
  }
}

/**
 * The ledger's write the counters cost most: OUTCOME_STATEMENTS UPDATEs of OUTCOME_ROWS rows each, as the send
 * service's outcome flush and the receipts write them, moving each row to another status (sent, delivered, seen in
 * turn), CONCURRENCY at a time. Statements per second.
 */
async function updateOutcomes(db: DataSource, scope: ReportScope) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < OUTCOME_STATEMENTS) {
        const first = next * OUTCOME_ROWS;
        next += 1;
        await db.query(
          `UPDATE messages SET status = CASE status WHEN 'sent' THEN 'delivered' WHEN 'delivered' THEN 'seen'
             ELSE 'sent' END, updated_at = clock_timestamp()
           WHERE workspace_id = $1 AND idempotency_key = ANY($2) AND status <> 'failed'`,
          [scope.workspaceId, Array.from({ length: OUTCOME_ROWS }, (_, row) => `k-${first + row + 1}-sms`)],
        );
      }
    }),
  );
  return round(OUTCOME_STATEMENTS / ((performance.now() - started) / 1000));
}

/** Records RECORDED new journeys of the campaign through the JourneyRecorder, CONCURRENCY at a time. */
async function recordJourneys(db: DataSource, scope: ReportScope) {
  const recorder = new JourneyRecorder(db);
  const at = new Date().toISOString();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < RECORDED) {
        next += 1;
        const id = randomUUID();
        await recorder.record({
          journey: {
            workspaceId: scope.workspaceId,
            campaignId: scope.campaignId,
            versionId: 'bench-recorder',
            contactId: randomUUID(),
            workflowId: `recorder-${id}`,
            enrollmentId: id,
            entryKey: 'default',
          },
          firstSeq: 0,
          entries: [
            { stepId: 'split', outcome: 'entered', at },
            { stepId: 'split', outcome: 'variant:a', at },
            { stepId: 'zns', outcome: 'sent', at },
          ],
          status: 'active',
          converted: false,
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return round(RECORDED / seconds);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
