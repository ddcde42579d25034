import { createHash } from 'node:crypto';
import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING, VIETNAM_NIGHT } from '../testing/fixtures';
import { getJson, postJson, type HttpAnswer } from '../testing/http';
import { WebhookReceiver } from '../testing/webhook-receiver';

const RECENT = '5000000000000000001'; // 2 h ago, follower
const THREE_DAYS = '5000000000000000002';
const EIGHT_DAYS = '5000000000000000003';
const TWO_YEARS = '5000000000000000004';
const NOT_FOLLOWER = '5000000000000000005';
const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082',
  'hex',
);

describe('Zalo OA API v3 (providers.md §3)', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningSandbox;
  let now = VIETNAM_MORNING;
  let send: (kind: string, body: unknown, token?: string) => Promise<HttpAnswer>;
  const text = (userId: string, value = 'Chào bạn') => ({
    recipient: { user_id: userId },
    message: { text: value },
  });
  const transaction = (userId: string) => ({
    recipient: { user_id: userId },
    message: {
      attachment: {
        type: 'template',
        payload: {
          template_type: 'transaction_order',
          language: 'VI',
          elements: [{ type: 'header', content: 'Đơn hàng đã xác nhận' }],
        },
      },
    },
  });
  const promotion = (userId: string) => ({
    recipient: { user_id: userId },
    message: {
      attachment: {
        type: 'template',
        payload: { template_type: 'promotion', elements: [{ type: 'header', content: 'Ưu đãi' }] },
      },
    },
  });

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({
      seed: seedAt(VIETNAM_MORNING, receiver.url),
      now: () => now,
      receiptDelayMs: 5,
    });
    send = (kind, body, token = sandbox.seed.zalo[0].oas[0].accessToken) =>
      postJson(`${sandbox.urls.zaloOa}/v3.0/oa/message/${kind}`, body, { access_token: token });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.stop();
  });
  beforeEach(() => {
    now = VIETNAM_MORNING;
    sandbox.reset();
  });

  it('sends a CS text inside 7 days with string ids, a reply quota, and signed receipt + seen webhooks', async () => {
    const { body } = await send('cs', text(RECENT));
    expect(body).toEqual({
      error: 0,
      message: 'Success',
      data: {
        message_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        user_id: RECENT,
        quota: { quota_type: 'reply' },
      },
    });
    const messageId = (body['data'] as { message_id: string }).message_id;
    const received = await receiver.waitFor(
      (call) => call.rawBody.includes('user_received_message') && call.rawBody.includes(messageId),
    );
    const event = JSON.parse(received.rawBody);
    expect(event).toMatchObject({
      sender: { id: '2000000000000000001' },
      recipient: { id: RECENT },
      message: { msg_id: messageId },
    });
    const zaloApp = sandbox.seed.zalo[0];
    expect(received.headers['x-zevent-signature']).toBe(
      createHash('sha256')
        .update(zaloApp.appId + received.rawBody + event.timestamp + zaloApp.webhookSecret)
        .digest('hex'),
    );
    await receiver.waitFor(
      (call) => call.rawBody.includes('user_seen_message') && call.rawBody.includes(messageId),
    );
    expect((await send('cs', text(THREE_DAYS))).body['data']).not.toHaveProperty('quota');
    expect(sandbox.inbox({ channel: 'zalo_oa', recipient: RECENT })).toHaveLength(1);
  });

  it('enforces windows: CS ≤7 days (-230), transaction ≤1 year (-232), promotion followers only (-213), daytime only (-234), once a day (-211)', async () => {
    expect((await send('cs', text(EIGHT_DAYS))).body['error']).toBe(-230);
    expect((await send('transaction', transaction(EIGHT_DAYS))).body['error']).toBe(0);
    expect((await send('transaction', transaction(TWO_YEARS))).body['error']).toBe(-232);
    expect((await send('promotion', promotion(NOT_FOLLOWER))).body['error']).toBe(-213);
    expect((await send('promotion', promotion(TWO_YEARS))).body['error']).toBe(0);
    expect((await send('promotion', promotion(TWO_YEARS))).body['error']).toBe(-211);
    now = VIETNAM_NIGHT;
    expect((await send('promotion', promotion(RECENT))).body['error']).toBe(-234);
    expect((await send('cs', text(RECENT))).body['error']).toBe(0);
  });

  it('checks tokens (-216 invalid, -220 expired), recipients and message bodies', async () => {
    expect((await send('cs', text(RECENT), 'sandbox-unknown')).body['error']).toBe(-216);
    sandbox.expireTokens('2000000000000000001');
    expect((await send('cs', text(RECENT))).body['error']).toBe(-220);
    sandbox.reset();
    expect((await send('cs', text('5999999999999999999'))).body['error']).toBe(-201);
    expect((await send('cs', text(RECENT, 'a'.repeat(2001)))).body['error']).toBe(-201);
    expect((await send('cs', text(RECENT, 'ệ'.repeat(2000).normalize('NFD')))).body['error']).toBe(0);
    expect((await send('transaction', text(RECENT))).body['error']).toBe(-233);
    const requestInfo = (title: string, elements = 1) => ({
      recipient: { user_id: RECENT },
      message: {
        attachment: {
          type: 'template',
          payload: {
            template_type: 'request_user_info',
            elements: Array.from({ length: elements }, () => ({ title, subtitle: 'Chia sẻ số điện thoại' })),
          },
        },
      },
    });
    expect((await send('cs', requestInfo('Đăng ký thành viên'))).body['error']).toBe(0);
    expect((await send('cs', requestInfo('x'.repeat(101)))).body['error']).toBe(-201);
    expect((await send('cs', requestInfo('Hai phần tử', 2))).body['error']).toBe(-201);
  });

  it('uploads a PNG and sends it by attachment_id; refuses non-images', async () => {
    const upload = async (bytes: Buffer, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), 'image.png');
      const response = await fetch(`${sandbox.urls.zaloOa}/v2.0/oa/upload/image`, {
        method: 'POST',
        headers: { access_token: sandbox.seed.zalo[0].oas[0].accessToken },
        body: form,
      });
      return (await response.json()) as { error: number; data?: { attachment_id: string } };
    };
    const uploaded = await upload(PNG_BYTES, 'image/png');
    expect(uploaded).toEqual({ error: 0, message: 'Success', data: { attachment_id: expect.any(String) } });
    expect((await upload(Buffer.from('not an image'), 'text/plain')).error).toBe(-201);
    expect((await upload(Buffer.concat([PNG_BYTES, Buffer.alloc(1024 * 1024)]), 'image/png')).error).toBe(
      -201,
    );
    const media = {
      recipient: { user_id: RECENT },
      message: {
        attachment: {
          type: 'template',
          payload: {
            template_type: 'media',
            elements: [{ media_type: 'image', attachment_id: uploaded.data?.attachment_id }],
          },
        },
      },
    };
    expect((await send('cs', media)).body['error']).toBe(0);
  });

  it('answers the per-user quota and user detail', async () => {
    const token = sandbox.seed.zalo[0].oas[0].accessToken;
    const quota = await postJson(
      `${sandbox.urls.zaloOa}/v3.0/oa/quota/message`,
      { user_id: RECENT },
      { access_token: token },
    );
    expect(quota.body['data']).toMatchObject({
      last_interaction: expect.any(String),
      cs_reply: expect.any(Object),
      promotion: expect.any(Object),
    });
    const detail = await getJson(
      `${sandbox.urls.zaloOa}/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: RECENT }))}`,
      {
        access_token: token,
      },
    );
    expect(detail.body['data']).toMatchObject({
      user_id: RECENT,
      display_name: 'Nguyễn Văn An',
      user_is_follower: true,
    });
  });

  it('simulates user events: follow, a user text that opens the CS window, replies by message_id, signed webhooks', async () => {
    const event = (body: Record<string, unknown>) =>
      postJson(`${sandbox.urls.control}/zalo/user-events`, body);
    const followed = await event({ event: 'follow', userId: NOT_FOLLOWER });
    expect(followed.body).toMatchObject({
      event: { event_name: 'follow', follower: { id: NOT_FOLLOWER } },
      webhook: { ok: true, status: 200 },
    });
    expect((await send('promotion', promotion(NOT_FOLLOWER))).body['error']).toBe(0);

    expect((await send('cs', text(EIGHT_DAYS))).body['error']).toBe(-230);
    const inbound = await event({ event: 'user_send_text', userId: EIGHT_DAYS, text: 'Shop ơi' });
    const msgId = (inbound.body['event'] as { message: { msg_id: string } }).message.msg_id;
    const call = await receiver.waitFor((received) => received.rawBody.includes(msgId));
    const body = JSON.parse(call.rawBody);
    expect(body).toMatchObject({
      event_name: 'user_send_text',
      sender: { id: EIGHT_DAYS },
      message: { text: 'Shop ơi' },
    });
    const zaloApp = sandbox.seed.zalo[0];
    expect(call.headers['x-zevent-signature']).toBe(
      createHash('sha256')
        .update(zaloApp.appId + call.rawBody + body.timestamp + zaloApp.webhookSecret)
        .digest('hex'),
    );
    expect(
      (await send('cs', { recipient: { message_id: msgId }, message: { text: 'Dạ, shop đây' } })).body[
        'error'
      ],
    ).toBe(0);

    await event({ event: 'unfollow', userId: RECENT });
    expect((await send('promotion', promotion(RECENT))).body['error']).toBe(-213);
    const submitted = await event({
      event: 'user_submit_info',
      userId: RECENT,
      info: { name: 'An', phone: '84987654321' },
    });
    expect(submitted.body['event']).toMatchObject({
      event_name: 'user_submit_info',
      info: { phone: '84987654321' },
    });
  });
});
