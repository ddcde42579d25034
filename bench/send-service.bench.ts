// Sends per second through Loa's send service (ledger row in PostgreSQL before and after the provider call, guards,
// the Redis send-rate bucket) versus the bare connector, both against the provider sandbox in its own process at 64
// concurrent sends, in alternating rounds of one run: ZNS (as issue 9 asks) and eSMS SMS. Target: service rate /
// connector rate >= 0.5. Each round also prints the CPU time per message of this process (service and load generator),
// the sandbox, and every PostgreSQL and Redis process of the machine (from /proc: run it on a quiet machine), which
// says where the service's extra cost goes whatever the machine's speed that minute.
// A third kind of round, "ledger alone", runs just the service's two ledger writes (the row before the provider
// call, the outcome after; `LedgerFlush`, same batching) at the same concurrency with no provider call. A send through
// the service costs at least the connector's CPU (this process and the sandbox) plus the ledger alone's (this process
// and PostgreSQL), so with every core of the machine busy it could reach at most cores / (connector + ledger alone)
// sends per second: over the connector's rate, that is `ceiling`, an upper bound on the ratio a service with this
// ledger can reach here (no round has kept every core busy). `coresBusy` says how much of the machine each path kept
// busy (rate × CPU per message). A fourth, "ledger + connector", is the least a send service with this ledger does:
// the two ledger writes around the connector's call, with no guards, rate limit or anything else; its ratio
// (`ledgerAndConnectorRatio`) bounds what the service can reach here.
import 'reflect-metadata';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import {
  createEsmsConnector,
  createHttpClient,
  EsmsAccountSchema,
  isSent,
  type SendOutcome,
  zaloOaAccountSchema,
  ZnsConnector,
} from '@loa/connectors';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../apps/api/src/audit/audit.service';
import type { UserPrincipal } from '../apps/api/src/auth/principal';
import { ChannelAccountsService } from '../apps/api/src/channels/channel-accounts.service';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { lookupOf } from '../apps/api/src/messages/guard-contact';
import { LedgerFlush } from '../apps/api/src/messages/ledger-flush';
import { newRow } from '../apps/api/src/messages/new-row';
import { ledgerAddress } from '../apps/api/src/messages/recipient-address';
import { CHANNEL_OF_CONTENT, type SendMessageInput } from '../apps/api/src/messages/send-message.types';
import { SendService } from '../apps/api/src/messages/send.service';
import { UnsubscribeTokens } from '../apps/api/src/messages/unsubscribe/unsubscribe-tokens';
import { SecretBox } from '../apps/api/src/secrets/secret-box';
import { SmsPricesService } from '../apps/api/src/templates/sms-pricing/sms-prices.service';
import { MessageCosts } from '../apps/api/src/webhooks/costs/message-cost';
import { SyncedZnsTemplatePrices } from '../apps/api/src/webhooks/costs/zns-template-prices';
import { LedgerReceipts } from '../apps/api/src/webhooks/ledger-receipts';
import { ReceiptProcessing } from '../apps/api/src/webhooks/receipt-processing.service';
import type { WebhookUrls } from '../apps/api/src/webhooks/webhook-urls';
import { percentile, round } from './support/measure';
import { cpuPerMessage, cpuSample, type CpuSample } from './support/process-cpu';
import {
  sandboxZaloConfig,
  seededTokenManager,
  startSandboxProcess,
  templateData,
} from './support/sandbox-client';

const ADMIN_URL = process.env.LOA_TEST_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.LOA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 64;
const SECONDS = Number(process.env.LOA_BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.LOA_BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 0.5;

let sandboxPid = 0;

/**
 * Runs `send` from 64 workers for SECONDS; answers successful sends per second (any failure aborts the run) and the
 * CPU each process used per message meanwhile.
 */
async function rate(
  send: (index: number) => Promise<boolean>,
): Promise<{ perSecond: number; cpu: CpuSample }> {
  const before = cpuSample(sandboxPid);
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
  return {
    perSecond: sent / ((performance.now() - started) / 1000),
    cpu: cpuPerMessage(before, cpuSample(sandboxPid), sent),
  };
}

// 091…: mobile numbers the sandbox knows on Zalo (its seed's non-Zalo numbers are 0900…).
const phoneOf = (_round: number, index: number) => `091${String(index % 10_000_000).padStart(7, '0')}`;

async function main(): Promise<void> {
  const { child, info } = await startSandboxProcess();
  sandboxPid = child.pid ?? 0;
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
  let ledgerFlush: LedgerFlush | undefined;
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
    // No webhook URLs: the sandbox would otherwise call back (and retry) an address nobody listens on here.
    const webhookUrls = { forAccount: () => null } as unknown as WebhookUrls;
    const audit = new AuditService(db);
    const accounts = new ChannelAccountsService(db, box, audit, webhookUrls);
    // The send service asks for receipts that arrived before their row; none reaches this bench (no webhook), so
    // the Zalo audience and template sync parts of the receipt processing are never called.
    const costs = new MessageCosts(
      new SmsPricesService(db, accounts, audit),
      new SyncedZnsTemplatePrices(db),
    );
    const receipts = new ReceiptProcessing(db, new LedgerReceipts(db, costs), null as never, null as never);
    const actor: UserPrincipal = {
      kind: 'user',
      workspaceId,
      userId,
      role: 'admin',
      sessionId: randomUUID(),
      csrfToken: 'bench',
    };
    const esmsConfig = {
      apiKey: info.esms.apiKey,
      secretKey: info.esms.secretKey,
      brandname: info.esms.brandnames[0],
      smsType: 'care',
      baseUrl: info.urls.esms,
    };
    const zaloConfig = sandboxZaloConfig(info);
    const esms = await accounts.create(actor, { kind: 'esms', name: 'eSMS bench', config: esmsConfig });
    const zalo = await accounts.create(actor, { kind: 'zalo_oa', name: 'OA bench', config: zaloConfig });
    // Connected as the OAuth flow would leave it; limits high enough not to slow the run (the bucket is still taken).
    await db.query(`UPDATE channel_accounts SET status = 'connected' WHERE id = $1`, [zalo.id]);
    await db.query(`UPDATE channel_accounts SET send_rate_per_second = 10000 WHERE workspace_id = $1`, [
      workspaceId,
    ]);
    const tokens = await seededTokenManager(info, http);
    service = new SendService(
      db,
      accounts,
      redis,
      new UnsubscribeTokens(db),
      { tokensFor: () => tokens },
      webhookUrls,
      receipts,
      { database: { kind: 'postgres', url: url.toString() } },
    );
    const esmsConnector = createEsmsConnector({ http });
    const znsConnector = new ZnsConnector({ http, tokens });
    const esmsAccount = EsmsAccountSchema.parse(esmsConfig);
    const zaloAccount = zaloOaAccountSchema.parse(zaloConfig);
    const text = 'Đơn hàng DH1024 của bạn đã được giao. Cảm ơn bạn đã mua sắm tại Shop Hoa!';
    const flush = new LedgerFlush(db, true);
    ledgerFlush = flush;
    /**
     * The service's two ledger writes (`LedgerFlush`) around `provider`: the connector, or none (an answer made up
     * here, "ledger alone").
     */
    const ledgerAround =
      (
        input: (round: number, index: number) => SendMessageInput,
        provider: (message: SendMessageInput, to: string) => Promise<SendOutcome>,
      ) =>
      (round: number) =>
        rate(async (index) => {
          const message = input(round, index);
          const channel = CHANNEL_OF_CONTENT[message.content.channel];
          const oaId = channel === 'zns' ? zaloConfig.oaId : undefined;
          const to = ledgerAddress(channel, message.to) ?? null;
          const admitted = await flush.admit(
            newRow(message, to, { status: 'sending' }),
            lookupOf({ workspaceId, channel, to: message.to, ...(oaId && { oaId }) }),
          );
          if (!admitted.row) return false;
          const outcome = await provider(message, to ?? '');
          if (!isSent(outcome)) return false;
          await flush.recordSent(admitted.row, outcome);
          return true;
        });
    const noProvider =
      (costVnd?: number) =>
      async (message: SendMessageInput): Promise<SendOutcome> => ({
        status: 'sent',
        providerMessageId: `bench-${message.idempotencyKey}`,
        correlationId: message.idempotencyKey,
        acceptedAt: new Date().toISOString(),
        ...(costVnd !== undefined && { costVnd }),
      });
    // One transactional message per call; `path` keeps the service's and the ledger alone's keys apart.
    const messageOf =
      (path: 'service' | 'ledger' | 'minimal', accountId: string, content: SendMessageInput['content']) =>
      (round: number, index: number): SendMessageInput => ({
        workspaceId,
        accountId,
        idempotencyKey: `${path}:${content.channel}:${round}:${index}`,
        purpose: 'transactional',
        to: phoneOf(round, index),
        content,
      });
    const znsContent = { channel: 'zns', templateId: info.template.templateId, templateData } as const;
    const smsContent = { channel: 'sms', text } as const;

    const channels = {
      zns: {
        bare: (round: number) =>
          rate(async (index) => {
            const outcome = await znsConnector.send({
              account: zaloAccount,
              idempotencyKey: `bare:zns:${round}:${index}`,
              message: { phone: phoneOf(round, index), templateId: info.template.templateId, templateData },
            });
            return isSent(outcome);
          }),
        service: (round: number) =>
          rate(
            async (index) =>
              (await service!.send(messageOf('service', zalo.id, znsContent)(round, index))).status ===
              'sent',
          ),
        ledger: ledgerAround(messageOf('ledger', zalo.id, znsContent), noProvider(300)),
        minimal: ledgerAround(messageOf('minimal', zalo.id, znsContent), (message, to) =>
          znsConnector.send({
            account: zaloAccount,
            idempotencyKey: message.idempotencyKey,
            message: { phone: to, templateId: info.template.templateId, templateData },
          }),
        ),
      },
      sms: {
        bare: (round: number) =>
          rate(async (index) => {
            const outcome = await esmsConnector.send({
              account: esmsAccount,
              idempotencyKey: `bare:sms:${round}:${index}`,
              message: { to: phoneOf(round, index), text, purpose: 'care' },
            });
            return isSent(outcome);
          }),
        service: (round: number) =>
          rate(
            async (index) =>
              (await service!.send(messageOf('service', esms.id, smsContent)(round, index))).status ===
              'sent',
          ),
        ledger: ledgerAround(messageOf('ledger', esms.id, smsContent), noProvider()),
        minimal: ledgerAround(messageOf('minimal', esms.id, smsContent), (message, to) =>
          esmsConnector.send({
            account: esmsAccount,
            idempotencyKey: message.idempotencyKey,
            message: { to, text, purpose: 'care' },
          }),
        ),
      },
    };

    for (const [channel, paths] of Object.entries(channels)) {
      const kinds = ['bare', 'service', 'ledger', 'minimal'] as const;
      for (const kind of kinds) await paths[kind](-1);
      const rates = { bare: [], service: [], ledger: [], minimal: [] } as Record<
        (typeof kinds)[number],
        number[]
      >;
      const cpu = { bare: [], service: [], ledger: [], minimal: [] } as Record<
        (typeof kinds)[number],
        CpuSample[]
      >;
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const kind of kinds) {
          const result = await paths[kind](round);
          rates[kind].push(result.perSecond);
          cpu[kind].push(result.cpu);
        }
        const at = (kind: (typeof kinds)[number]) =>
          `${round1(rates[kind][round]!)}/s ${JSON.stringify(cpu[kind][round])}`;
        console.log(
          `${channel} round ${round + 1} (rate, CPU µs per message): connector ${at('bare')}, send service ${at('service')}, ledger alone ${at('ledger')}, ledger + connector ${at('minimal')}`,
        );
      }
      const ratio = median(rates.service) / median(rates.bare);
      // The connector uses neither PostgreSQL nor Redis: what they did during its rounds is not its cost.
      const connectorCpu = (sample: CpuSample) => sample.bench + sample.sandbox;
      const ceiling = median(
        rates.bare.map(
          (bareRate, at) =>
            (cpus().length * 1e6) / (connectorCpu(cpu.bare[at]!) + totalCpu(cpu.ledger[at]!)) / bareRate,
        ),
      );
      const coresBusy = (kind: (typeof kinds)[number], cost = totalCpu) =>
        round(median(rates[kind].map((perSecond, at) => (perSecond * cost(cpu[kind][at]!)) / 1e6)), 2);
      console.log(
        JSON.stringify({
          benchmark: 'send-service',
          channel: channel === 'zns' ? 'zns' : 'sms (eSMS care)',
          concurrency: CONCURRENCY,
          secondsPerRound: SECONDS,
          rounds: ROUNDS,
          connectorPerSecond: round1(median(rates.bare)),
          sendServicePerSecond: round1(median(rates.service)),
          ledgerAlonePerSecond: round1(median(rates.ledger)),
          ledgerAndConnectorPerSecond: round1(median(rates.minimal)),
          cpuMicrosecondsPerMessage: {
            connector: medianCpu(cpu.bare),
            service: medianCpu(cpu.service),
            ledgerAlone: medianCpu(cpu.ledger),
            ledgerAndConnector: medianCpu(cpu.minimal),
          },
          ratio: round(ratio, 2),
          ledgerAndConnectorRatio: round(median(rates.minimal) / median(rates.bare), 2),
          coresBusy: {
            connector: coresBusy('bare', connectorCpu),
            service: coresBusy('service'),
            ledgerAlone: coresBusy('ledger'),
            ledgerAndConnector: coresBusy('minimal'),
          },
          cores: cpus().length,
          ceiling: round(ceiling, 2),
          target: `>= ${TARGET_RATIO}`,
          pass: ratio >= TARGET_RATIO,
        }),
      );
    }
    const [{ rows }] = (await db.query(
      `SELECT count(*)::int AS rows FROM messages WHERE status = 'sent'`,
    )) as Array<{ rows: number }>;
    console.log(`ledger rows sent: ${rows}`);
  } finally {
    await service?.onApplicationShutdown();
    await ledgerFlush?.close();
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
const totalCpu = (sample: CpuSample) => sample.bench + sample.sandbox + sample.postgres + sample.redis;
const medianCpu = (samples: CpuSample[]): CpuSample => ({
  bench: median(samples.map((sample) => sample.bench)),
  sandbox: median(samples.map((sample) => sample.sandbox)),
  postgres: median(samples.map((sample) => sample.postgres)),
  redis: median(samples.map((sample) => sample.redis)),
});

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
