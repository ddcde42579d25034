import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { SEND_ERROR_TYPES } from '@loa/engine';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ChannelAccountsService } from '../channels/channel-accounts.service';
import { ZaloAccess } from '../channels/zalo/zalo-access.service';
import {
  connectedSandboxOa,
  nextVietnamMorning,
  startZaloTestBed,
  type ZaloTestBed,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { REDIS_CLIENT } from '../redis/redis.module';
import type { TestWorkspace } from '../testing/test-workspace';
import { ReceiptProcessing } from '../webhooks/receipt-processing.service';
import { WebhookUrls } from '../webhooks/webhook-urls';
import type { SendMessageInput } from './send-message.types';
import { SendService } from './send.service';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-tokens';
import type { ZaloTokenSource } from './zalo-token-source';

describe('a send interrupted inside the connector is an unknown outcome, never a blind resend', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let sandbox: RunningSandbox;
  let sends: SendService;
  /** The same service, but renewing a token Zalo refused throws (as an unforeseen bug or network error would). */
  let faulty: SendService;
  let oaId: string;
  let seq = 0;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws, db } = bed);
    sandbox.setNow(() => nextVietnamMorning());
    sends = app.get(SendService);
    oaId = await connectedSandboxOa(bed);
    const zalo = app.get(ZaloAccess);
    const renewalThrows: ZaloTokenSource = {
      tokensFor: (accountId) =>
        new Proxy(zalo.tokensFor(accountId), {
          get: (target, name, receiver) =>
            name === 'refreshAfterRejection'
              ? () => Promise.reject(new Error('socket hang up while renewing the token'))
              : (Reflect.get(target, name, receiver) as unknown),
        }),
    };
    faulty = new SendService(
      db,
      app.get(ChannelAccountsService),
      app.get<Redis>(REDIS_CLIENT),
      app.get(UnsubscribeTokens),
      renewalThrows,
      app.get(WebhookUrls),
      app.get(ReceiptProcessing),
      app.get<LoaConfig>(LOA_CONFIG),
    );
  });

  afterEach(() => sandbox.clearFaults());

  afterAll(async () => {
    await faulty.onApplicationShutdown();
    await bed.close();
  });

  const newPhone = () =>
    `8490${String(Date.now() % 100_000).padStart(5, '0')}${String(seq++ % 100).padStart(2, '0')}`;

  const zns = (input: Partial<SendMessageInput>): SendMessageInput => {
    const template = sandbox.seed.zalo[0].oas[0].templates.find((t) => t.status === 'ENABLE');
    if (!template) throw new Error('the sandbox seeds an enabled ZNS template');
    return {
      workspaceId: ws.workspaceId,
      accountId: oaId,
      idempotencyKey: `interrupted:${randomUUID()}`,
      purpose: 'transactional',
      content: {
        channel: 'zns',
        templateId: template.templateId,
        templateData: Object.fromEntries(template.params.map((param) => [param.name, 'DH1024'])),
      },
      ...input,
    };
  };

  const row = async (idempotencyKey: string) =>
    (
      (await db.query(`SELECT * FROM messages WHERE workspace_id = $1 AND idempotency_key = $2`, [
        ws.workspaceId,
        idempotencyKey,
      ])) as Array<Record<string, unknown>>
    )[0];

  /** Zalo refuses the token for this phone, after which the faulty service's connector throws. */
  const throwAfterZaloWasCalled = (phone: string) =>
    sandbox.addFault({ channel: 'zns', recipients: [phone], errorRate: 1, code: -124 });

  it('does not send marketing again once the provider may have had it', async () => {
    const phone = newPhone();
    throwAfterZaloWasCalled(phone);
    const calls = sandbox.requestCount('/zns/message/template');
    const marketing = zns({ to: phone, purpose: 'marketing' });
    expect(await faulty.send(marketing)).toMatchObject({
      status: 'failed',
      errorCode: 'loa_outcome_unknown',
    });
    expect(sandbox.requestCount('/zns/message/template')).toBe(calls + 1);
    expect(await row(marketing.idempotencyKey)).toMatchObject({
      status: 'unknown',
      recovery: 'not_resent',
      error_class: 'outcome_unknown',
      error_code: 'loa_send_interrupted',
    });
    sandbox.clearFaults();
    expect(await sends.send(marketing)).toMatchObject({ status: 'failed', errorCode: 'loa_outcome_unknown' });
    expect(sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(0);
  });

  it('resends a transactional message, counted as a recovery', async () => {
    const phone = newPhone();
    throwAfterZaloWasCalled(phone);
    const transactional = zns({ to: phone });
    await expect(faulty.send(transactional)).rejects.toMatchObject({ name: SEND_ERROR_TYPES.retryable });
    expect(await row(transactional.idempotencyKey)).toMatchObject({
      status: 'failed',
      error_class: 'outcome_unknown',
      error_code: 'loa_send_interrupted',
    });
    sandbox.clearFaults();
    expect(await sends.send(transactional)).toMatchObject({ status: 'sent' });
    expect(await row(transactional.idempotencyKey)).toMatchObject({ status: 'sent', recovery: 'resent' });
    expect(sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
  });
});
