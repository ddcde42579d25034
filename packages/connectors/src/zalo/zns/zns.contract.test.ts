import { defaultSeed } from '@loa/provider-sandbox';
import { createHttpClient } from '../../http/http-client';
import { closedPort, startFaultyServer } from '../../http/testing/faulty-server';
import { isSent, type SendOutcome } from '../../contract/send-outcome';
import { startZaloSandbox, storedPair, vietnamTime, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZaloOAuthClient } from '../oauth/oauth.client';
import { ZaloTokenManager } from '../tokens/token-manager';
import { hashPhone, ZnsClient } from './zns.client';
import { ZnsConnector } from './zns.connector';
import type { ZnsMessage, ZnsTemplateDetail } from './zns.types';

const SEND_PATH = '/zns/message/template';
const REFRESH_PATH = '/zalo-oauth/v4/oa/access_token';
const onZalo = '84900000011';
const nameNfc = 'Nguyễn Thị Hương';

function orderMessage(
  phone: string,
  template?: ZnsTemplateDetail,
  overrides: Record<string, string> = {},
): ZnsMessage {
  return {
    phone,
    templateId: '300001',
    templateData: {
      customer_name: nameNfc.normalize('NFD'),
      order_code: 'DH0001',
      amount: '150000',
      order_date: '10/03/2026',
      ...overrides,
    },
    template,
  };
}

describe('ZNS connector against the provider sandbox', () => {
  let fx: ZaloSandboxFixture;
  let zns: ZnsConnector;
  let client: ZnsClient;
  let orderTemplate: ZnsTemplateDetail;

  beforeAll(async () => {
    fx = await startZaloSandbox({ now: () => vietnamTime('2026-03-10T10:00:00') });
    zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens });
    client = new ZnsClient(fx.http);
    const detail = await client.templateDetail({
      account: fx.account,
      accessToken: fx.seededAccessToken,
      templateId: '300001',
    });
    if (!detail.ok) throw new Error(`template detail failed: ${JSON.stringify(detail)}`);
    orderTemplate = detail.data;
  });
  afterAll(() => fx.close());
  afterEach(() => {
    fx.sandbox.clearFaults();
    fx.sandbox.setNow(() => vietnamTime('2026-03-10T10:00:00'));
  });
  beforeEach(() => fx.sandbox.setNow(() => vietnamTime('2026-03-10T10:00:00')));

  it('reads template detail with typed params and price', () => {
    expect(orderTemplate).toMatchObject({ templateId: '300001', status: 'ENABLE', price: 300 });
    expect(orderTemplate.listParams.find((param) => param.name === 'customer_name')).toMatchObject({
      maxLength: 30,
      require: true,
      type: 'STRING',
    });
  });

  it('lists templates filtered by a numeric status, and reads quota and quality', async () => {
    const auth = { account: fx.account, accessToken: fx.seededAccessToken };
    const enabled = await client.listTemplates({ ...auth, status: 'ENABLE' });
    expect(enabled.ok && enabled.data.map((template) => template.templateId).sort()).toEqual([
      '300001',
      '300002',
    ]);
    const pending = await client.listTemplates({ ...auth, status: 'PENDING_REVIEW' });
    expect(pending.ok && pending.data.map((template) => template.status)).toEqual(['PENDING_REVIEW']);
    const quota = await client.quota(auth);
    expect(quota.ok && quota.data.dailyQuota).toBe(5000);
    const quality = await client.quality(auth);
    expect(quality.ok).toBe(true);
  });

  it('sends by phone: the inbox holds the NFC params and the tracking_id, status reads back', async () => {
    const outcome = await zns.send({
      account: fx.account,
      message: orderMessage('0900 000 011', orderTemplate),
      idempotencyKey: 'journey:c1:contact1:once:send_zns:1',
    });
    expect(outcome).toMatchObject({ status: 'sent', costVnd: 300 });
    if (!isSent(outcome) || !outcome.providerMessageId) throw new Error('not sent');
    expect(outcome.correlationId.length).toBeLessThanOrEqual(48);
    expect(outcome.quotaRemaining).toEqual(expect.any(Number));
    const [delivered] = fx.sandbox
      .inbox({ channel: 'zns', recipient: onZalo })
      .filter((message) => message.providerMessageId === outcome.providerMessageId);
    expect(delivered.correlationId).toBe(outcome.correlationId);
    expect(JSON.stringify(delivered.content)).toContain(JSON.stringify(nameNfc));
    expect(JSON.stringify(delivered.content)).not.toContain(
      JSON.stringify(nameNfc.normalize('NFD')).slice(1, -1),
    );
    const status = await client.messageStatus({
      account: fx.account,
      accessToken: (await storedPair(fx)).accessToken,
      messageId: outcome.providerMessageId,
    });
    expect(status.ok && [0, 1]).toContain(status.ok && status.data.status);
  });

  it('sends by hashed phone', async () => {
    const result = await client.sendByHashPhone({
      account: fx.account,
      accessToken: (await storedPair(fx)).accessToken,
      hashPhone: hashPhone(onZalo),
      templateId: '300002',
      templateData: { otp: '123456' },
      trackingId: 'hash_1',
    });
    expect(result).toMatchObject({ ok: true, data: { msg_id: expect.any(String) } });
  });

  it('-118: a phone without Zalo is a permanent recipient failure suggesting another channel', async () => {
    const outcome = await zns.send({
      account: fx.account,
      message: orderMessage('84900000099'),
      idempotencyKey: 'k-118',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      code: '-118',
      fallbackSuggested: true,
    });
  });

  it('an invalid phone fails before any request', async () => {
    const before = fx.sandbox.requestCount(SEND_PATH);
    const outcome = await zns.send({
      account: fx.account,
      message: orderMessage('12345'),
      idempotencyKey: 'k-108',
    });
    expect(outcome).toMatchObject({ class: 'permanent', scope: 'recipient', code: 'loa_invalid_phone' });
    expect(fx.sandbox.requestCount(SEND_PATH)).toBe(before);
  });

  it('-131: a template that is not approved', async () => {
    const outcome = await zns.send({
      account: fx.account,
      message: {
        phone: onZalo,
        templateId: '300003',
        templateData: { customer_name: 'An', date: '10/03/2026' },
      },
      idempotencyKey: 'k-131',
    });
    expect(outcome).toMatchObject({ class: 'permanent', scope: 'message', code: '-131' });
  });

  it('an over-long param is caught before the request, and the sandbox agrees with -1121', async () => {
    const before = fx.sandbox.requestCount(SEND_PATH);
    const long = 'Nguyễn'.repeat(6).normalize('NFD'); // 36 characters in NFC, max 30
    const caught = await zns.send({
      account: fx.account,
      message: orderMessage(onZalo, orderTemplate, { customer_name: long }),
      idempotencyKey: 'k-1121a',
    });
    expect(caught).toMatchObject({ class: 'permanent', scope: 'message', code: 'loa_param_too_long' });
    expect(caught.status === 'failed' && caught.message).toContain('customer_name');
    expect(fx.sandbox.requestCount(SEND_PATH)).toBe(before);
    const provider = await zns.send({
      account: fx.account,
      message: orderMessage(onZalo, undefined, { customer_name: long }),
      idempotencyKey: 'k-1121b',
    });
    expect(provider).toMatchObject({ class: 'permanent', scope: 'message', code: '-1121' });
  });

  it('-133: at night the failure says when the window opens (06:00 Vietnam time)', async () => {
    const night = vietnamTime('2026-03-10T23:30:00');
    fx.sandbox.setNow(() => night);
    const atNight = new ZnsConnector({ http: fx.http, tokens: fx.tokens, now: () => night });
    const outcome = await atNight.send({
      account: fx.account,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-133',
    });
    expect(outcome).toMatchObject({
      class: 'outside_window',
      code: '-133',
      opensAt: new Date(vietnamTime('2026-03-11T06:00:00')).toISOString(),
    });
  });

  it('-127: development mode reaches admins only', async () => {
    const devAccount = { ...fx.account, znsMode: 'development' as const };
    const stranger = await zns.send({
      account: devAccount,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-127',
    });
    expect(stranger).toMatchObject({ class: 'permanent', code: '-127' });
    const admin = await zns.send({
      account: devAccount,
      message: orderMessage('84900000001'),
      idempotencyKey: 'k-dev',
    });
    expect(admin.status).toBe('sent');
  });

  it('an outage or a 503 is retryable', async () => {
    const now = vietnamTime('2026-03-10T10:00:00');
    fx.sandbox.addFault({ channel: 'zns', outage: { from: now - 1000, to: now + 60_000 } });
    const outage = await zns.send({
      account: fx.account,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-out',
    });
    expect(outage).toMatchObject({ class: 'retryable', code: 'http_503' });
    fx.sandbox.clearFaults();
    fx.sandbox.addFault({ channel: 'zns', recipients: [onZalo], errorRate: 1, code: 503 });
    const fault = await zns.send({
      account: fx.account,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-503',
    });
    expect(fault).toMatchObject({ class: 'retryable', code: 'http_503' });
  });

  it('-100 from Zalo is retryable', async () => {
    fx.sandbox.addFault({ channel: 'zns', recipients: [onZalo], errorRate: 1, code: -100 });
    const outcome = await zns.send({
      account: fx.account,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-100',
    });
    expect(outcome).toMatchObject({ class: 'retryable', code: '-100' });
  });

  it('a refused connection is retryable: the send cannot have reached Zalo', async () => {
    const http = createHttpClient();
    const closed = {
      ...fx.account,
      baseUrls: { ...fx.account.baseUrls, zns: `http://127.0.0.1:${await closedPort()}/zns` },
    };
    const outcome = await new ZnsConnector({ http, tokens: fx.tokens }).send({
      account: closed,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-net',
    });
    await http.close();
    expect(outcome).toMatchObject({ class: 'retryable', code: 'ECONNREFUSED' });
  });

  it('a connection dropped after the server read the send leaves the outcome unknown', async () => {
    const http = createHttpClient();
    const server = await startFaultyServer('drop_after_body');
    try {
      const dropping = { ...fx.account, baseUrls: { ...fx.account.baseUrls, zns: server.url } };
      const outcome = await new ZnsConnector({ http, tokens: fx.tokens }).send({
        account: dropping,
        message: orderMessage(onZalo),
        idempotencyKey: 'k-dropped',
      });
      expect(server.requestsRead).toBe(1);
      expect(outcome).toMatchObject({
        status: 'failed',
        class: 'outcome_unknown',
        code: 'UND_ERR_SOCKET',
        message: expect.stringContaining('may have received the message'),
      });
    } finally {
      await http.close();
      await server.close();
    }
  });

  it('Zalo sending the message and then dropping the connection is an unknown outcome, never a retry', async () => {
    const phone = '84900000012';
    fx.sandbox.addFault({ channel: 'zns', recipients: [phone], code: 'reset' });
    const outcome = await zns.send({
      account: fx.account,
      message: orderMessage(phone),
      idempotencyKey: 'k-reset',
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'outcome_unknown' });
    expect(fx.sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
  });
});

describe('ZNS daily quota in the sandbox', () => {
  it('-144: the send past the quota waits for the next midnight in Vietnam', async () => {
    const seed = defaultSeed();
    seed.zalo[0].oas[0].dailyQuota = 2;
    const now = vietnamTime('2026-03-10T15:00:00');
    const fx = await startZaloSandbox({ seed, now: () => now });
    try {
      const zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens, now: () => now });
      const outcomes: SendOutcome[] = [];
      for (const key of ['q1', 'q2', 'q3']) {
        outcomes.push(
          await zns.send({ account: fx.account, message: orderMessage(onZalo), idempotencyKey: key }),
        );
      }
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent', 'failed']);
      expect(outcomes[1]).toMatchObject({ quotaRemaining: 0 });
      expect(outcomes[2]).toMatchObject({
        class: 'quota_exhausted',
        code: '-144',
        resetsAt: new Date(vietnamTime('2026-03-11T00:00:00')).toISOString(),
      });
    } finally {
      await fx.close();
    }
  });
});

describe('ZNS token refresh under concurrency', () => {
  let fx: ZaloSandboxFixture;
  beforeEach(async () => {
    fx = await startZaloSandbox({ now: () => vietnamTime('2026-03-10T10:00:00') });
  });
  afterEach(() => fx.close());

  const messages = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, index) => ({
      message: orderMessage(onZalo),
      idempotencyKey: `${prefix}-${index}`,
    }));

  it('100 concurrent sends with an expired token: exactly one refresh, every send succeeds, the new pair is stored', async () => {
    const zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens });
    const before = await storedPair(fx);
    fx.sandbox.expireTokens(fx.account.oaId);
    const outcomes = await Promise.all(
      messages(100, 'burst').map((item) => zns.send({ account: fx.account, ...item })),
    );
    expect(outcomes.filter((outcome) => outcome.status !== 'sent')).toEqual([]);
    expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
    const after = await storedPair(fx);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(fx.sandbox.inbox({ channel: 'zns' })).toHaveLength(100);
  });

  it('two processes sharing one store refresh concurrently without a failed send', async () => {
    const otherHttp = createHttpClient();
    try {
      const now = () => vietnamTime('2026-03-10T10:00:00');
      const otherTokens = new ZaloTokenManager({
        store: fx.store,
        oauth: new ZaloOAuthClient({ http: otherHttp, now }),
        now,
      });
      const first = new ZnsConnector({ http: fx.http, tokens: fx.tokens });
      const second = new ZnsConnector({ http: otherHttp, tokens: otherTokens });
      fx.sandbox.expireTokens(fx.account.oaId);
      const outcomes = await Promise.all([
        first.sendBatch({ account: fx.account, items: messages(40, 'p1') }),
        second.sendBatch({ account: fx.account, items: messages(40, 'p2') }),
      ]);
      expect(outcomes.flat().filter((outcome) => outcome.status !== 'sent')).toEqual([]);
      expect(fx.sandbox.inbox({ channel: 'zns' })).toHaveLength(80);
      // Both may refresh (the loser adopts the winner's pair, see token-manager.contract.test.ts), never more.
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBeGreaterThanOrEqual(1);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBeLessThanOrEqual(2);
    } finally {
      await otherHttp.close();
    }
  });

  it('refreshes ahead of expiry, once', async () => {
    const pair = await storedPair(fx);
    await fx.store.save(
      fx.account.oaId,
      { ...pair, accessTokenExpiresAt: pair.issuedAt + 60_000 },
      { expectedRefreshToken: pair.refreshToken },
    );
    const zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens });
    const outcomes = await zns.sendBatch({ account: fx.account, items: messages(10, 'ahead') });
    expect(outcomes.every((outcome) => outcome.status === 'sent')).toBe(true);
    expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
  });

  it('a token Zalo keeps rejecting after one refresh is token_expired', async () => {
    fx.sandbox.addFault({ channel: 'zns', errorRate: 1, code: -124 });
    const zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens });
    const outcome = await zns.send({
      account: fx.account,
      message: orderMessage(onZalo),
      idempotencyKey: 'k-124',
    });
    expect(outcome).toMatchObject({ class: 'token_expired', code: '-124' });
    expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
  });
});
