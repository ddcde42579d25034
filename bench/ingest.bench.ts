// Events accepted per second and latency at 64 concurrent clients: Loa's POST /v1/track (API key, validation,
// INSERT before the answer, Bull job, contact resolution in the same process) versus a bare route on the same
// server, in alternating rounds. Issue 8 §4: ratio >= 0.5, and >= 2,000 events/s with p99 < 50 ms on 2 cores.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { percentile, round } from './support/measure';

const CONCURRENCY = 64;
const SECONDS = Number(process.env.LOA_BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.LOA_BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 0.5;
const TARGET_RATE = 2000;
const TARGET_P99_MS = 50;
const ADMIN_URL = process.env.LOA_BENCH_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.LOA_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.LOA_BENCH_API_PORT ?? 3917);

interface Figures {
  rate: number;
  p50: number;
  p99: number;
  apiCpu: number;
}

async function createDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** Extra Node flags for the API process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it. */
function apiNodeFlags(): string[] {
  return (process.env.LOA_BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
}

async function startApi(
  databaseUrl: string,
  redisPrefix: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    'node',
    [...apiNodeFlags(), '--import', 'tsx', join(__dirname, 'support', 'ingest-api-process.ts')],
    {
      cwd: join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOA_API_PORT: String(PORT),
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        LOA_REDIS_PREFIX: redisPrefix,
        TEMPORAL_ADDRESS: '127.0.0.1:1',
        LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        LOA_INGEST_RATE_LIMIT: '1000000',
        LOA_LOG_LEVEL: 'error',
      },
    },
  );
  for await (const line of createInterface({ input: child.stdout! })) {
    return { child, url: (JSON.parse(line) as { url: string }).url };
  }
  throw new Error('the API process exited before printing its URL');
}

async function seedIngestKey(databaseUrl: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const workspace = await db.query<{ id: string }>(
    `INSERT INTO workspaces (slug, name) VALUES ('bench', 'Bench') RETURNING id`,
  );
  const key = `loa_ingest_${randomBytes(24).toString('base64url')}`;
  await db.query(
    `INSERT INTO api_keys (workspace_id, name, scope, prefix, token_hash) VALUES ($1, 'bench', 'ingest', $2, $3)`,
    [workspace.rows[0]!.id, key.slice(0, 12), createHash('sha256').update(key).digest('base64url')],
  );
  await db.end();
  return key;
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function drive(input: {
  url: string;
  key: string;
  path: string;
  round: string;
  apiPid: number;
}): Promise<Figures> {
  let sequence = 0;
  const cpuBefore = cpuSecondsOf(input.apiPid);
  const result = await autocannon({
    url: `${input.url}${input.path}`,
    method: 'POST',
    connections: CONCURRENCY,
    duration: SECONDS,
    headers: { authorization: `Bearer ${input.key}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = sequence++;
          return {
            ...request,
            body: JSON.stringify({
              messageId: `bench-${input.round}-${n}`,
              userId: `bench-user-${n % 5000}`,
              event: 'Product Viewed',
              properties: { sku: `SKU-${n % 300}`, price: 450000, currency: 'VND' },
              context: { library: { name: 'analytics-node', version: '6.2.0' } },
              timestamp: new Date().toISOString(),
            }),
          };
        },
      },
    ],
  });
  const apiCpu = (cpuSecondsOf(input.apiPid) - cpuBefore) / (result.duration || SECONDS);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${input.path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return {
    rate: result['2xx'] / (result.duration || SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    apiCpu,
  };
}

async function unprocessedLeft(databaseUrl: string): Promise<{ stored: number; unprocessed: number }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const rows = await db.query<{ stored: string; unprocessed: string }>(
    `SELECT count(*) AS stored, count(*) FILTER (WHERE processed_at IS NULL) AS unprocessed FROM events`,
  );
  await db.end();
  return { stored: Number(rows.rows[0]!.stored), unprocessed: Number(rows.rows[0]!.unprocessed) };
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function show(label: string, figures: Figures): void {
  console.log(
    `  ${label}: ${round(figures.rate, 1)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms; API CPU ${round(figures.apiCpu, 2)} cores`,
  );
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const databaseName = `loa_bench_ingest_${run}`;
  const redisPrefix = `loa-bench-ingest-${run}`;
  const databaseUrl = await createDatabase(databaseName);
  const { child, url } = await startApi(databaseUrl, redisPrefix);
  try {
    const key = await seedIngestKey(databaseUrl);
    const target = { url, key, apiPid: child.pid! };
    // Warm both paths (JIT, connection pools) before measuring.
    await drive({ ...target, path: '/bench/bare', round: 'warm-bare' });
    await drive({ ...target, path: '/v1/track', round: 'warm' });
    const bare: Figures[] = [];
    const ingest: Figures[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      console.log(`round ${round + 1}`);
      const order = round % 2 === 0 ? ['bare', 'ingest'] : ['ingest', 'bare'];
      for (const which of order) {
        if (which === 'bare') {
          const figures = await drive({ ...target, path: '/bench/bare', round: `bare${round}` });
          show('bare route   ', figures);
          bare.push(figures);
        } else {
          const figures = await drive({ ...target, path: '/v1/track', round: `r${round}-${randomUUID()}` });
          show('POST /v1/track', figures);
          ingest.push(figures);
        }
      }
    }
    const started = Date.now();
    let left = await unprocessedLeft(databaseUrl);
    while (left.unprocessed > 0 && Date.now() - started < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      left = await unprocessedLeft(databaseUrl);
    }
    const ingestRate = median(ingest.map((figures) => figures.rate));
    const bareRate = median(bare.map((figures) => figures.rate));
    const p99 = median(ingest.map((figures) => figures.p99));
    const ratio = ingestRate / bareRate;
    console.log(
      JSON.stringify({
        benchmark: 'ingest',
        concurrency: CONCURRENCY,
        secondsPerRound: SECONDS,
        rounds: ROUNDS,
        bareRoutePerSecond: round(bareRate, 1),
        bareP99Ms: median(bare.map((figures) => figures.p99)),
        ingestPerSecond: round(ingestRate, 1),
        ingestP50Ms: median(ingest.map((figures) => figures.p50)),
        ingestP99Ms: p99,
        eventsStored: left.stored,
        processedWithinSeconds: round((Date.now() - started) / 1000, 1),
        unprocessedLeft: left.unprocessed,
        ratio: round(ratio, 2),
        target: `ratio >= ${TARGET_RATIO}, >= ${TARGET_RATE}/s, p99 < ${TARGET_P99_MS} ms`,
        pass: ratio >= TARGET_RATIO && ingestRate >= TARGET_RATE && p99 < TARGET_P99_MS,
      }),
    );
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await dropDatabase(databaseName);
    await deleteRedisKeys(redisPrefix);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
