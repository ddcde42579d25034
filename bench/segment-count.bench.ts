// Segment count over 100,000 and 1,000,000 contacts on PostgreSQL for a three-rule segment (issue 8 §5:
// milliseconds). Generates the contacts and their events in SQL (INSERT … SELECT generate_series), counts the
// segment with the SQL the API compiles, and prints the figures and the ratio target / median (above 1 meets it).
// DATABASE_URL names the server (default postgres://loa:loa@127.0.0.1:5432/postgres); a database of its own is
// created for the run and dropped after it.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { ruleGroupSchema, type RuleGroup } from '@loa/engine';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { compileRuleGroup } from '../apps/api/src/segments/compile-rule-to-sql';
import { SegmentMembership } from '../apps/api/src/segments/segment-membership';
import { SegmentMembershipChanges } from '../apps/api/src/segments/segment-membership-changes';
import {
  LIVE_CONTACT,
  loadWorkspaceRuleFacts,
  ruleSqlContext,
} from '../apps/api/src/segments/segment-rule-context';
import { percentile, round } from './support/measure';

const SIZES = [100_000, 1_000_000];
/** "Milliseconds": a count that answers while the marketer edits the rule, under a quarter of a second at 1M. */
const TARGET_MS_PER_MILLION = 250;
const RUNS = 15;

const RULE = ruleGroupSchema.parse({
  match: 'all',
  rules: [
    { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
    { kind: 'tag', tag: 'vip' },
    { kind: 'event_seen', event: 'order_completed', withinDays: 30 },
  ],
}) as RuleGroup;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const databaseName = `loa_bench_segments_${randomBytes(4).toString('hex')}`;

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
    const results = [];
    for (const size of SIZES) results.push(await measureSize(db, size));
    console.log(
      JSON.stringify(
        {
          benchmark: 'segment count, three rules (attribute equals, tag, event within 30 days)',
          machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version?.server_version}`,
          loadAverage: loadavg().map((load) => round(load)),
          results,
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

async function measureSize(db: DataSource, size: number) {
  const [workspace] = (await db.query(`INSERT INTO workspaces (slug, name) VALUES ($1, $2) RETURNING id`, [
    `bench-${size}`,
    `Bench ${size}`,
  ])) as Array<{ id: string }>;
  const workspaceId = workspace?.id as string;
  const loadStarted = performance.now();
  // Ten cities, one contact in seven tagged vip; every third contact ordered twice in the last 60 days.
  await db.query(
    `INSERT INTO contacts (workspace_id, phone, attributes, tags, created_at)
     SELECT $1::uuid, '84' || lpad(i::text, 9, '0'),
            jsonb_build_object('city', (ARRAY['Hà Nội','Hồ Chí Minh','Đà Nẵng','Hải Phòng','Cần Thơ','Huế','Nha Trang','Vũng Tàu','Đà Lạt','Quy Nhơn'])[1 + i % 10],
                               'spent', (i::bigint * 7919) % 5000000),
            CASE WHEN i % 7 = 0 THEN ARRAY['vip'] ELSE ARRAY['new'] END,
            now() - (i % 1000) * interval '1 hour'
     FROM generate_series(1, $2::int) AS i`,
    [workspaceId, size],
  );
  await db.query(
    `INSERT INTO events (workspace_id, message_id, type, name, contact_id, timestamp, processed_at)
     SELECT c.workspace_id, c.id::text || '-' || k, 'track', 'order_completed', c.id,
            now() - ((hashtext(c.id::text || k) & 1023) % 60) * interval '1 day', now()
     FROM (SELECT id, workspace_id, row_number() OVER () AS n FROM contacts WHERE workspace_id = $1::uuid) AS c,
          generate_series(1, 2) AS k
     WHERE c.n % 3 = 0`,
    [workspaceId],
  );
  await db.query('ANALYZE contacts');
  await db.query('ANALYZE events');
  const loadMs = performance.now() - loadStarted;

  const facts = await loadWorkspaceRuleFacts(db, workspaceId);
  const context = ruleSqlContext(facts, [workspaceId]);
  const sql = `SELECT count(*)::int AS count FROM contacts c WHERE c.workspace_id = $1::uuid AND ${LIVE_CONTACT} AND ${compileRuleGroup(RULE, context)}`;
  const count = async () =>
    ((await db.query(sql, context.params.values)) as Array<{ count: number }>)[0]?.count;
  const firstStarted = performance.now();
  const members = await count();
  const firstMs = performance.now() - firstStarted;
  const durations: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await count();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const median = percentile(durations, 50);

  // The same rule kept as a segment: the first full refresh inserts every member, the next one changes nothing.
  const [segment] = (await db.query(
    `INSERT INTO segments (workspace_id, name, rule) VALUES ($1, 'bench', $2) RETURNING id`,
    [workspaceId, JSON.stringify(RULE)],
  )) as Array<{ id: string }>;
  const membership = new SegmentMembership(db, new SegmentMembershipChanges());
  const refresh = async () => {
    const started = performance.now();
    await membership.refreshSegment({ workspaceId, segmentId: segment?.id as string });
    return performance.now() - started;
  };
  const firstRefreshMs = await refresh();
  const unchangedRefreshMs = await refresh();
  const targetMs = (TARGET_MS_PER_MILLION * size) / 1_000_000;
  return {
    contacts: size,
    events: Math.floor(size / 3) * 2,
    members,
    loadSeconds: round(loadMs / 1000, 1),
    firstCountMs: round(firstMs),
    countMedianMs: round(median),
    countP95Ms: round(percentile(durations, 95)),
    firstFullRefreshMs: round(firstRefreshMs),
    unchangedFullRefreshMs: round(unchangedRefreshMs),
    targetMs,
    ratio: round(targetMs / median),
    verdict: median < targetMs ? 'meets target (ratio > 1)' : 'misses target',
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
