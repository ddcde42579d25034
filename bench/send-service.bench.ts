// SMS sends per second through Loa's send service (ledger row in PostgreSQL before and after the provider call,
// guards, the Redis send-rate bucket) versus the bare eSMS connector, both against the provider sandbox in its own
// process at 64 concurrent sends, in alternating rounds of one run. Issue 9: service rate / connector rate >= 0.5.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createEsmsConnector, createHttpClient, EsmsAccountSchema, isSent } from '@loa/connectors';
import type { EsmsAccountSeed, SandboxUrls } from '@loa/provider-sandbox';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../apps/api/src/audit/audit.service';
import type { UserPrincipal } from '../apps/api/src/auth/principal';
import { ChannelAccountsService } from '../apps/api/src/channels/channel-accounts.service';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { SendService } from '../apps/api/src/messages/send.service';
import { UnsubscribeTokens } from '../apps/api/src/messages/unsubscribe/unsubscribe-tokens';
import { SecretBox } from '../apps/api/src/secrets/secret-box';
import { percentile, round } from './support/measure';

const ADMIN_URL = process.env.LOA_TEST_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.LOA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 64;
const SECONDS = Number(process.env.LOA_BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.LOA_BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 0.5;

interface SandboxInfo {
  urls: SandboxUrls;
  esms: EsmsAccountSeed;
}

async function startSandboxProcess(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const child = spawn('node', ['--import', 'tsx', join(__dirname, 'support', 'sandbox-process.ts')], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    return { child, info: JSON.parse(line) as SandboxInfo };
  }
  throw new Error('the sandbox process exited before printing its URLs');
}

/** Runs `send` from 64 workers for SECONDS; answers successful sends per second (any failure aborts the run). */
async function rate(send: (index: number) => Promise<boolean>): Promise<number> {
  let sequence = 0;
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      if (await send(sequence++)) sent += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failed > 0) throw new Error(`${failed} sends failed`);
  return sent / ((performance.now() - started) / 1000);
}

const phoneOf = (round: number, index: number) =>
  `09${round % 10}${String(index % 10_000_000).padStart(7, '0')}`;

async function main(): Promise<void> {
  const { child, info } = await startSandboxProcess();
  const database = `loa_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const db = new DataSource(dataSourceOptions({ kind: 'postgres', url: url.toString() }));
  const redis = new Redis(REDIS_URL, { keyPrefix: `loa-bench-${database}:` });
  const http = createHttpClient({ connections: CONCURRENCY });
  let service: SendService | undefined;
  try {
    await db.initialize();
    const [{ id: workspaceId }] = (await db.query(
      `INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id`,
      [`bench-${randomUUID().slice(0, 8)}`],
    )) as Array<{ id: string }>;
    const [{ id: userId }] = (await db.query(
      `INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id`,
      [`bench-${randomUUID()}@example.vn`],
    )) as Array<{ id: string }>;
    const box = new SecretBox(Buffer.alloc(32, 7));
    const accounts = new ChannelAccountsService(db, box, new AuditService(db));
    const actor: UserPrincipal = {
      kind: 'user',
      workspaceId,
      userId,
      role: 'admin',
      sessionId: randomUUID(),
      csrfToken: 'bench',
    };
    const config = {
      apiKey: info.esms.apiKey,
      secretKey: info.esms.secretKey,
      brandname: info.esms.brandnames[0],
      smsType: 'care',
      baseUrl: info.urls.esms,
    };
    const account = await accounts.create(actor, { kind: 'esms', name: 'eSMS bench', config });
    // High enough not to slow the run: the bucket is still taken on every send (one Redis call).
    await db.query(`UPDATE channel_accounts SET send_rate_per_second = 10000 WHERE id = $1`, [account.id]);
    service = new SendService(db, accounts, redis, new UnsubscribeTokens(db));
    const connector = createEsmsConnector({ http });
    const esmsAccount = EsmsAccountSchema.parse(config);
    const text = 'Đơn hàng DH1024 của bạn đã được giao. Cảm ơn bạn đã mua sắm tại Shop Hoa!';

    const bare = (round: number) =>
      rate(async (index) => {
        const outcome = await connector.send({
          account: esmsAccount,
          idempotencyKey: `bare:${round}:${index}`,
          message: { to: phoneOf(round, index), text, purpose: 'care' },
        });
        return isSent(outcome);
      });
    const viaService = (round: number) =>
      rate(async (index) => {
        const result = await service!.send({
          workspaceId,
          accountId: account.id,
          idempotencyKey: `service:${round}:${index}`,
          purpose: 'transactional',
          to: phoneOf(round, index),
          content: { channel: 'sms', text },
        });
        return result.status === 'sent';
      });

    await bare(-1);
    await viaService(-1);
    const bareRates: number[] = [];
    const serviceRates: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRates.push(await bare(round));
      serviceRates.push(await viaService(round));
      console.log(
        `round ${round + 1}: eSMS connector ${round1(bareRates[round])} sends/s, send service ${round1(serviceRates[round])} sends/s`,
      );
    }
    const [{ rows }] = (await db.query(
      `SELECT count(*)::int AS rows FROM messages WHERE status = 'sent'`,
    )) as Array<{
      rows: number;
    }>;
    const ratio = median(serviceRates) / median(bareRates);
    console.log(
      JSON.stringify({
        benchmark: 'send-service',
        channel: 'sms (eSMS care)',
        concurrency: CONCURRENCY,
        secondsPerRound: SECONDS,
        rounds: ROUNDS,
        connectorPerSecond: round1(median(bareRates)),
        sendServicePerSecond: round1(median(serviceRates)),
        ledgerRowsSent: rows,
        ratio: round(ratio, 2),
        target: `>= ${TARGET_RATIO}`,
        pass: ratio >= TARGET_RATIO,
      }),
    );
  } finally {
    await service?.onApplicationShutdown();
    await http.close();
    redis.disconnect();
    if (db.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const round1 = (value: number) => round(value, 1);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
