import { defaultSeed } from '@loa/provider-sandbox';
import { deflateSync } from 'node:zlib';
import { startZaloSandbox, storedPair, vietnamTime, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZaloOaConnector } from './oa.connector';
import type { ZaloOaMessage } from './oa.types';

const REFRESH_PATH = '/zalo-oauth/v4/oa/access_token';
const recentUser = '5000000000000000001';
const eightDaysUser = '5000000000000000003';
const nonFollower = '5000000000000000005';

/** A real 1×1 PNG. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

describe('Zalo OA connector against the provider sandbox', () => {
  const noon = vietnamTime('2026-03-10T12:00:00');
  let clock = noon;
  let fx: ZaloSandboxFixture;
  let oa: ZaloOaConnector;

  beforeAll(async () => {
    fx = await startZaloSandbox({ seed: defaultSeed(noon), now: () => clock });
    oa = new ZaloOaConnector({ http: fx.http, tokens: fx.tokens, now: () => clock });
  });
  afterAll(() => fx.close());
  afterEach(() => {
    clock = noon;
    fx.sandbox.clearFaults();
  });

  const send = (message: ZaloOaMessage, idempotencyKey = 'k') =>
    oa.send({ account: fx.account, message, idempotencyKey });

  it('sends a consultation text to a user who interacted recently', async () => {
    const outcome = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'text', text: 'Cảm ơn anh đã mua hàng'.normalize('NFD') },
    });
    expect(outcome).toMatchObject({ status: 'sent', providerMessageId: expect.any(String) });
    const delivered = fx.sandbox.inbox({ channel: 'zalo_oa', recipient: recentUser });
    expect(JSON.stringify(delivered.at(-1)?.content)).toContain('Cảm ơn anh đã mua hàng');
  });

  it('-230: no consultation message to a user whose last interaction is 8 days old', async () => {
    const outcome = await send({
      type: 'cs',
      recipient: { userId: eightDaysUser },
      body: { kind: 'text', text: 'Xin chào' },
    });
    expect(outcome).toMatchObject({ class: 'permanent', scope: 'recipient', code: '-230' });
  });

  it('promotion: not to a non-follower, and not at night', async () => {
    const promotion = (userId: string): ZaloOaMessage => ({
      type: 'promotion',
      recipient: { userId },
      body: {
        kind: 'promotion',
        elements: [
          { type: 'header', content: 'Ưu đãi tháng 3' },
          { type: 'text', content: 'Giảm 20% cho thành viên' },
        ],
      },
    });
    expect(await send(promotion(nonFollower))).toMatchObject({
      class: 'permanent',
      scope: 'recipient',
      code: '-213',
    });
    expect(await send(promotion(recentUser))).toMatchObject({ status: 'sent' });
    clock = vietnamTime('2026-03-10T22:30:00');
    fx.sandbox.setNow(() => clock);
    expect(await send(promotion(recentUser))).toMatchObject({
      class: 'outside_window',
      code: '-234',
      opensAt: new Date(vietnamTime('2026-03-11T06:00:00')).toISOString(),
    });
  });

  it('sends a transaction message', async () => {
    const outcome = await send({
      type: 'transaction',
      recipient: { userId: recentUser },
      body: {
        kind: 'transaction',
        templateType: 'transaction_order',
        elements: [
          { type: 'header', content: 'Xác nhận đơn hàng' },
          {
            type: 'table',
            rows: [
              { key: 'Mã khách hàng', value: 'KH001' },
              { key: 'Trạng thái', value: 'Đã giao', style: 'green' },
            ],
          },
        ],
        buttons: [{ type: 'oa.open.url', title: 'Xem đơn', url: 'https://shop.example/orders/1' }],
      },
    });
    expect(outcome).toMatchObject({ status: 'sent' });
  });

  it('uploads an image and sends it, or sends one by URL', async () => {
    const uploaded = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'image', image: { upload: { bytes: tinyPng(), contentType: 'image/png' } } },
    });
    expect(uploaded).toMatchObject({ status: 'sent' });
    expect(fx.sandbox.requestCount('/zalo-oa/v2.0/oa/upload/image')).toBe(1);
    const byUrl = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'image', image: { url: 'https://shop.example/banner.png' } },
    });
    expect(byUrl).toMatchObject({ status: 'sent' });
  });

  it('asks for user info', async () => {
    const outcome = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: {
        kind: 'request_user_info',
        title: 'Cập nhật thông tin',
        subtitle: 'Để nhận ưu đãi sinh nhật',
        imageUrl: 'https://shop.example/form.png',
      },
    });
    expect(outcome).toMatchObject({ status: 'sent' });
  });

  it('an over-long text fails before the request', async () => {
    const outcome = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'text', text: 'a'.repeat(2001) },
    });
    expect(outcome).toMatchObject({ class: 'permanent', scope: 'message', code: 'loa_message_too_long' });
  });

  it('reads user detail and per-user quota', async () => {
    const accessToken = (await storedPair(fx)).accessToken;
    const detail = await oa.client.userDetail({ account: fx.account, accessToken, userId: recentUser });
    expect(detail).toMatchObject({ ok: true, data: { user_id: recentUser } });
    const quota = await oa.client.userQuota({ account: fx.account, accessToken, userId: recentUser });
    expect(quota.ok).toBe(true);
  });

  it('-216 after the token expired: refreshes once and sends', async () => {
    const before = fx.sandbox.requestCount(REFRESH_PATH);
    fx.sandbox.expireTokens(fx.account.oaId);
    const outcomes = await oa.sendBatch({
      account: fx.account,
      items: Array.from({ length: 5 }, (_, index) => ({
        idempotencyKey: `r${index}`,
        message: {
          type: 'cs' as const,
          recipient: { userId: recentUser },
          body: { kind: 'text' as const, text: 'Hi' },
        },
      })),
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(before + 1);
  });

  it('a send whose answer was lost has an unknown outcome, never a retry', async () => {
    fx.sandbox.addFault({ channel: 'zalo_oa', recipients: [recentUser], code: 'reset' });
    const before = fx.sandbox.inbox({ channel: 'zalo_oa', recipient: recentUser }).length;
    const outcome = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'text', text: 'Đơn hàng đã giao' },
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'outcome_unknown' });
    expect(fx.sandbox.inbox({ channel: 'zalo_oa', recipient: recentUser })).toHaveLength(before + 1);
  });

  it('-32 rate limit is retryable', async () => {
    fx.sandbox.addFault({ channel: 'zalo_oa', errorRate: 1, code: -32 });
    const outcome = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'text', text: 'Hi' },
    });
    expect(outcome).toMatchObject({ class: 'retryable', code: '-32' });
  });

  it('-211: an OA out of quota waits for the next midnight in Vietnam', async () => {
    fx.sandbox.addFault({ channel: 'zalo_oa', errorRate: 1, code: -211 });
    const outcome = await send({
      type: 'cs',
      recipient: { userId: recentUser },
      body: { kind: 'text', text: 'Hi' },
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      class: 'quota_exhausted',
      code: '-211',
      resetsAt: new Date(vietnamTime('2026-03-11T00:00:00')).toISOString(),
    });
  });

  it.each([-216, -220])(
    '%i again after a successful refresh is token_expired, after one refresh',
    async (code) => {
      const before = fx.sandbox.requestCount(REFRESH_PATH);
      const sendsBefore = fx.sandbox.requestCount('/zalo-oa/v3.0/oa/message/cs');
      fx.sandbox.addFault({ channel: 'zalo_oa', errorRate: 1, code });
      const outcome = await send({
        type: 'cs',
        recipient: { userId: recentUser },
        body: { kind: 'text', text: 'Hi' },
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'token_expired', code: String(code) });
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(before + 1);
      expect(fx.sandbox.requestCount('/zalo-oa/v3.0/oa/message/cs')).toBe(sendsBefore + 2);
    },
  );
});
