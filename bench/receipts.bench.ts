// Receipts processed per second, webhook to ledger update (issue 9 §4): 64 concurrent clients POST signed Zalo
// `user_received_message` webhooks to the built API (POST /webhooks/zalo/{accountId}: signature check on the raw
// bytes, INSERT of the receipt before the 200), and the Bull queue applies each to its ledger row (sent →
// delivered). One receipt per row; the clock runs from the first post until the last row is delivered.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { round } from './support/measure';

const CONCURRENCY = 64;
const RECEIPTS = Number(process.env.LOA_BENCH_RECEIPTS ?? 10_000);
const ADMIN_URL = process.env.LOA_BENCH_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.LOA_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.LOA_BENCH_API_PORT ?? 3918);
const APP_ID = '1000000000000000001';
const OA_ID = '2000000000000000001';
const WEBHOOK_SECRET = 'bench-webhook-secret';

interface SecretBoxLike {
  seal(plaintext: string, context: string): { keyId: string; ciphertext: string };
}

async function withDatabase<T>(url: string, use: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}

async function createDatabase(name: string): Promise<string> {
  await withDatabase(ADMIN_URL, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  await withDatabase(ADMIN_URL, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node', ['--import', 'tsx', join(__dirname, 'support', 'ingest-api-process.ts')], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOA_LOG_LEVEL: 'error',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      ...env,
    },
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    return { child, url: (JSON.parse(line) as { url: string }).url };
  }
  throw new Error('the API process exited before printing its URL');
}

/** A workspace, a Zalo OA account (secrets sealed as the API seals them) and one `sent` ledger row per receipt. */
async function seed(databaseUrl: string, encryptionKey: Buffer): Promise<string> {
  const { SecretBox } = require('../apps/api/dist/secrets/secret-box.js') as {
    SecretBox: new (key: Buffer) => SecretBoxLike;
  };
  return withDatabase(databaseUrl, async (db) => {
    const workspace = await db.query<{ id: string }>(
      `INSERT INTO workspaces (slug, name) VALUES ('bench', 'Bench') RETURNING id`,
    );
    const workspaceId = workspace.rows[0]!.id;
    const accountId = randomUUID();
    const sealed = new SecretBox(encryptionKey).seal(
      JSON.stringify({ appSecret: 'bench-app-secret', webhookSecret: WEBHOOK_SECRET }),
      `channel_accounts.secrets:${accountId}`,
    );
    const settings = {
      appId: APP_ID,
      oaId: OA_ID,
      webhookSignatureFirstTerm: 'app_id',
      webhookSignatureMacPrefix: 'optional',
    };
    await db.query(
      `INSERT INTO channel_accounts (id, workspace_id, kind, name, settings, secrets_ciphertext, secrets_key_id,
                                     secret_fields, status)
       VALUES ($1, $2, 'zalo_oa', 'Bench OA', $3, $4, $5, $6, 'connected')`,
      [
        accountId,
        workspaceId,
        JSON.stringify(settings),
        sealed.ciphertext,
        sealed.keyId,
        ['appSecret', 'webhookSecret'],
      ],
    );
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, recipient, provider_message_id,
                             status, sent_at)
       SELECT $1, 'bench-' || i, 'zalo_oa', 'transactional', $2, '5000000000000000001', 'bench-msg-' || i, 'sent', now()
         FROM generate_series(0, $3 - 1) AS i`,
      [workspaceId, accountId, RECEIPTS],
    );
    return accountId;
  });
}

function signedReceipt(index: number): { body: string; signature: string } {
  const now = Date.now();
  const body = JSON.stringify({
    app_id: APP_ID,
    sender: { id: OA_ID },
    recipient: { id: '5000000000000000001' },
    event_name: 'user_received_message',
    message: { msg_id: `bench-msg-${index}`, delivery_time: String(now) },
    timestamp: String(now),
  });
  const signature = createHash('sha256')
    .update(APP_ID + body + String(now) + WEBHOOK_SECRET)
    .digest('hex');
  return { body, signature };
}

async function deliveredCount(databaseUrl: string): Promise<number> {
  return withDatabase(databaseUrl, async (db) => {
    const rows = await db.query<{ delivered: string }>(
      `SELECT count(*) AS delivered FROM messages WHERE status = 'delivered'`,
    );
    return Number(rows.rows[0]!.delivered);
  });
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const databaseName = `loa_bench_receipts_${run}`;
  const redisPrefix = `loa-bench-receipts-${run}`;
  const encryptionKey = randomBytes(32);
  const databaseUrl = await createDatabase(databaseName);
  const { child, url } = await startApi({
    LOA_API_PORT: String(PORT),
    LOA_PUBLIC_API_URL: `http://127.0.0.1:${PORT}`,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    LOA_REDIS_PREFIX: redisPrefix,
    LOA_ENCRYPTION_KEY: encryptionKey.toString('base64'),
    LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
  });
  try {
    const accountId = await seed(databaseUrl, encryptionKey);
    let next = 0;
    const started = Date.now();
    const posted = await autocannon({
      url: `${url}/webhooks/zalo/${accountId}`,
      method: 'POST',
      connections: CONCURRENCY,
      amount: RECEIPTS,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => {
            const receipt = signedReceipt(next++);
            return {
              ...request,
              body: receipt.body,
              headers: { ...request.headers, 'x-zevent-signature': receipt.signature },
            };
          },
        },
      ],
    });
    const acknowledgedAt = Date.now();
    if (posted.non2xx > 0 || posted.errors > 0)
      throw new Error(`${posted.non2xx} non-2xx answers and ${posted.errors} errors`);
    let delivered = await deliveredCount(databaseUrl);
    while (delivered < RECEIPTS && Date.now() - started < 300_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      delivered = await deliveredCount(databaseUrl);
    }
    const finished = Date.now();
    console.log(
      JSON.stringify({
        benchmark: 'receipts',
        concurrency: CONCURRENCY,
        receipts: RECEIPTS,
        acknowledgedPerSecond: round((RECEIPTS * 1000) / (acknowledgedAt - started), 1),
        ackP50Ms: posted.latency.p50,
        ackP99Ms: posted.latency.p99,
        rowsDelivered: delivered,
        processedPerSecond: round((delivered * 1000) / (finished - started), 1),
        lastRowDeliveredAfterSeconds: round((finished - started) / 1000, 1),
        pass: delivered === RECEIPTS,
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
