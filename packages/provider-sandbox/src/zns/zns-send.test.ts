import { createHash } from 'node:crypto';
import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING, VIETNAM_NIGHT } from '../testing/fixtures';
import { getJson, postJson, type HttpAnswer } from '../testing/http';
import { WebhookReceiver } from '../testing/webhook-receiver';

const ORDER_DATA = {
  customer_name: 'Nguyễn Văn An',
  order_code: 'DH-0001',
  amount: '150000',
  currency: 'VND',
  order_date: '10/03/2026',
};

describe('ZNS send by phone (providers.md §2)', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningSandbox;
  let now = VIETNAM_MORNING;
  let token: string;
  let send: (body: Record<string, unknown>, headers?: Record<string, string>) => Promise<HttpAnswer>;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({
      seed: seedAt(VIETNAM_MORNING, receiver.url),
      now: () => now,
      receiptDelayMs: 5,
    });
    token = sandbox.seed.zalo[0].oas[0].accessToken;
    send = (body, headers = { access_token: token }) =>
      postJson(`${sandbox.urls.zns}/message/template`, body, headers);
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.stop();
  });
  beforeEach(() => {
    now = VIETNAM_MORNING;
  });

  const order = (overrides: Record<string, unknown> = {}) => ({
    phone: '0987654321',
    template_id: '300001',
    template_data: ORDER_DATA,
    tracking_id: 'loa-track-1',
    ...overrides,
  });

  it('accepts a 0… phone, answers string ids and quota strings, and posts a signed receipt', async () => {
    const { status, body } = await send(order());
    expect(status).toBe(200);
    expect(body).toEqual({
      error: 0,
      message: 'Success',
      data: {
        msg_id: expect.stringMatching(/^[0-9a-f]{20}$/),
        sent_time: String(VIETNAM_MORNING),
        sending_mode: '1',
        quota: { dailyQuota: '5000', remainingQuota: '4999' },
      },
    });
    const msgId = (body['data'] as { msg_id: string }).msg_id;
    expect(sandbox.inbox({ channel: 'zns', recipient: '84987654321' })).toEqual([
      expect.objectContaining({
        providerMessageId: msgId,
        correlationId: 'loa-track-1',
        account: '2000000000000000001',
      }),
    ]);

    const receipt = await receiver.waitFor((call) => call.rawBody.includes(msgId));
    const event = JSON.parse(receipt.rawBody);
    expect(event).toEqual({
      sender: { id: '2000000000000000001' },
      recipient: { id: '84987654321' },
      event_name: 'user_received_message',
      message: { delivery_time: String(VIETNAM_MORNING + 5), msg_id: msgId, tracking_id: 'loa-track-1' },
      app_id: '1000000000000000001',
      timestamp: expect.any(String),
    });
    const app = sandbox.seed.zalo[0];
    const expected = createHash('sha256')
      .update(app.appId + receipt.rawBody + event.timestamp + app.webhookSecret)
      .digest('hex');
    expect(receipt.headers['x-zevent-signature']).toBe(expected);
    expect(receipt.headers['x-zevent-server']).toBe('ZNS');

    const statusAnswer = await getJson(`${sandbox.urls.zns}/message/status?message_id=${msgId}`, {
      access_token: token,
    });
    expect(statusAnswer.body).toEqual({
      error: 0,
      message: 'Success',
      data: { delivery_time: String(VIETNAM_MORNING + 5), message: expect.any(String), status: 1 },
    });
  });

  it('accepts +84 and 84 forms and refuses anything else with -108', async () => {
    expect((await send(order({ phone: '+84987654322' }))).body['error']).toBe(0);
    expect((await send(order({ phone: '84987654323' }))).body['error']).toBe(0);
    for (const phone of ['12345', '0123456789', '+1 415 555 0100', '849876543']) {
      expect((await send(order({ phone }))).body).toEqual({
        error: -108,
        message: expect.any(String),
        data: null,
      });
    }
  });

  it('answers -124 with HTTP 200 when access_token is missing or unknown', async () => {
    const headerSets: Record<string, string>[] = [
      {},
      { access_token: 'sandbox-unknown' },
      { authorization: `Bearer ${token}` },
    ];
    for (const headers of headerSets) {
      const { status, body } = await send(order(), headers);
      expect(status).toBe(200);
      expect(body).toEqual({ error: -124, message: 'Access token invalid', data: null });
    }
  });

  it('checks templates: unknown -109, not ENABLE -131', async () => {
    expect((await send(order({ template_id: '999999' }))).body['error']).toBe(-109);
    for (const template_id of ['300003', '300004', '300005']) {
      expect(
        (await send(order({ template_id, template_data: { customer_name: 'An', date: '10/03/2026' } }))).body[
          'error'
        ],
      ).toBe(-131);
    }
  });

  it('checks params: missing -1122, over maxLength counted in NFC -1121', async () => {
    const { customer_name: _dropped, ...withoutName } = ORDER_DATA;
    expect((await send(order({ template_data: withoutName }))).body['error']).toBe(-1122);
    const thirtyDecomposed = 'ễ'.repeat(30).normalize('NFD');
    expect(thirtyDecomposed.length).toBe(90);
    expect(
      (await send(order({ template_data: { ...ORDER_DATA, customer_name: thirtyDecomposed } }))).body[
        'error'
      ],
    ).toBe(0);
    const thirtyOne = 'ễ'.repeat(31).normalize('NFD');
    expect((await send(order({ template_data: { ...ORDER_DATA, customer_name: thirtyOne } }))).body).toEqual({
      error: -1121,
      message: expect.stringContaining('customer_name'),
      data: null,
    });
    expect((await send(order({ template_data: ORDER_DATA, template_id: '300002' }))).body['error']).toBe(
      -1122,
    );
  });

  it('requires tracking_id of at most 48 characters', async () => {
    expect((await send(order({ tracking_id: undefined }))).body['error']).toBe(-132);
    expect((await send(order({ tracking_id: 'x'.repeat(49) }))).body['error']).toBe(-132);
    expect((await send(order({ tracking_id: 'x'.repeat(48) }))).body['error']).toBe(0);
  });

  it('sends development mode only to admins (-127) and refuses phones not on Zalo (-118)', async () => {
    expect((await send(order({ mode: 'development', phone: '0900000001' }))).body['error']).toBe(0);
    expect((await send(order({ mode: 'development', phone: '0987654321' }))).body['error']).toBe(-127);
    expect((await send(order({ phone: '84900000099' }))).body).toEqual({
      error: -118,
      message: 'Zalo account not existed',
      data: null,
    });
  });

  it('refuses sends at night in Vietnam time with -133', async () => {
    now = VIETNAM_NIGHT;
    expect((await send(order())).body['error']).toBe(-133);
    now = Date.parse('2026-03-10T23:30:00Z'); // 06:30 in Vietnam
    expect((await send(order())).body['error']).toBe(0);
  });

  it('sends by hashed phone, with the hash as the receipt recipient', async () => {
    const hash = (phone: string) => createHash('sha256').update(phone).digest('hex');
    const url = `${sandbox.urls.zns}/message/template/hashphone`;
    const { body } = await postJson(
      url,
      { ...order(), phone: undefined, hash_phone: hash('84987650000') },
      { access_token: token },
    );
    expect(body['error']).toBe(0);
    const msgId = (body['data'] as { msg_id: string }).msg_id;
    const receipt = await receiver.waitFor((call) => call.rawBody.includes(msgId));
    expect(JSON.parse(receipt.rawBody).recipient.id).toBe(hash('84987650000'));
    const notOnZalo = await postJson(
      url,
      { ...order(), hash_phone: hash('84900000099') },
      { access_token: token },
    );
    expect(notOnZalo.body['error']).toBe(-118);
  });
});

describe('ZNS daily quota and the night-window switch', () => {
  let sandbox: RunningSandbox;
  let now = VIETNAM_MORNING;

  beforeAll(async () => {
    const seed = seedAt(VIETNAM_MORNING);
    seed.zalo[0].oas[0].dailyQuota = 2;
    sandbox = await startSandbox({ seed, now: () => now, znsNightWindow: false });
  });
  afterAll(() => sandbox.close());

  it('counts down, answers -144 when exhausted, and resets at midnight Vietnam time', async () => {
    const send = () =>
      postJson(
        `${sandbox.urls.zns}/message/template`,
        {
          phone: '84987654321',
          template_id: '300002',
          template_data: { otp: '123456' },
          tracking_id: 'otp-1',
        },
        { access_token: sandbox.seed.zalo[0].oas[0].accessToken },
      );
    expect((await send()).body['data']).toMatchObject({ quota: { dailyQuota: '2', remainingQuota: '1' } });
    expect((await send()).body['data']).toMatchObject({ quota: { remainingQuota: '0' } });
    expect((await send()).body).toEqual({ error: -144, message: expect.any(String), data: null });
    now = Date.parse('2026-03-10T16:59:59Z'); // 23:59:59 in Vietnam, same day; night window switched off
    expect((await send()).body['error']).toBe(-144);
    now = Date.parse('2026-03-10T17:00:00Z'); // midnight in Vietnam
    expect((await send()).body['data']).toMatchObject({ quota: { remainingQuota: '1' } });
  });
});
