import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING } from '../testing/fixtures';
import { getJson, postForm, postJson } from '../testing/http';
import { WebhookReceiver } from '../testing/webhook-receiver';

describe('control API: fault injection, clock, request counts', () => {
  let sandbox: RunningSandbox;
  const zns = (phone: string) =>
    postJson(
      `${sandbox.urls.zns}/message/template`,
      { phone, template_id: '300002', template_data: { otp: '1234' }, tracking_id: 'fault-1' },
      { access_token: sandbox.seed.zalo[0].oas[0].accessToken },
    );
  const addFault = async (rule: Record<string, unknown>) => {
    const answer = await postJson(`${sandbox.urls.control}/faults`, rule);
    expect(answer.status).toBe(201);
    return answer.body['id'] as string;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: seedAt(VIETNAM_MORNING), now: () => VIETNAM_MORNING });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await postJson(`${sandbox.urls.control}/reset`, {});
  });

  it('answers a given code for given recipients only, in the provider envelope', async () => {
    await addFault({ channel: 'zns', recipients: ['84987000111'], code: -114 });
    expect((await zns('0987000111')).body).toEqual({ error: -114, message: expect.any(String), data: null });
    expect((await zns('0987000112')).body['error']).toBe(0);
    await addFault({ channel: 'esms', code: '99' });
    const esms = await postJson(`${sandbox.urls.esms}/SendMultipleMessage_V4_post_json/`, {});
    expect(esms.body).toMatchObject({ CodeResult: '99' });
  });

  it('answers "unreadable" with a 200 that is not the provider\'s answer', async () => {
    await addFault({ channel: 'zns', code: 'unreadable' });
    const answer = await fetch(`${sandbox.urls.zns}/message/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: sandbox.seed.zalo[0].oas[0].accessToken },
      body: JSON.stringify({ phone: '0987000111', template_id: '300002', template_data: { otp: '1' } }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(await answer.text()).toContain('<html>');
  });

  it('"reset" sends the message, then drops the connection instead of answering', async () => {
    await addFault({ channel: 'zns', recipients: ['84987000116'], code: 'reset' });
    await expect(zns('0987000116')).rejects.toThrow();
    expect(sandbox.inbox({ channel: 'zns', recipient: '84987000116' })).toHaveLength(1);
    expect((await zns('0987000117')).body['error']).toBe(0);

    await addFault({ channel: 'smtp', recipients: ['reset@example.test'], code: 'reset' });
    const { user, pass } = sandbox.seed.smtp[0];
    const transport = createTransport({
      host: '127.0.0.1',
      port: Number(new URL(sandbox.urls.smtp).port),
      ignoreTLS: true,
      auth: { user, pass },
    });
    await expect(
      transport.sendMail({ from: 'a@loa.test', to: 'reset@example.test', text: 'x' }),
    ).rejects.toMatchObject({ code: 'ECONNECTION' });
    expect(sandbox.inbox({ channel: 'smtp', recipient: 'reset@example.test' })).toHaveLength(1);
  });

  it("applies one fault hook per surface, matching each provider's recipient field on every route", async () => {
    const token = { access_token: sandbox.seed.zalo[0].oas[0].accessToken };
    const hash = createHash('sha256').update('84987000120').digest('hex');
    await addFault({ channel: 'zns', recipients: [hash], code: -118 });
    await addFault({ channel: 'zalo_oa', recipients: ['5000000000000000002'], code: -201 });
    await addFault({ channel: 'esms', recipients: ['84987000121'], code: '99' });
    await addFault({ channel: 'speedsms', recipients: ['84987000122'], code: '105' });
    await addFault({ channel: 'twilio', recipients: ['+84987000123'], code: 21614 });
    await addFault({ channel: 'zalo_oauth', code: -14002 });

    const hashSend = (hash_phone: string) =>
      postJson(
        `${sandbox.urls.zns}/message/template/hashphone`,
        { hash_phone, template_id: '300002', template_data: { otp: '1234' }, tracking_id: 'fault-h' },
        token,
      );
    expect((await hashSend(hash.toUpperCase())).body['error']).toBe(-118);
    expect((await getJson(`${sandbox.urls.zns}/message/quota`, token)).body['error']).toBe(0);

    const oaSend = (user_id: string) =>
      postJson(
        `${sandbox.urls.zaloOa}/v3.0/oa/message/cs`,
        { recipient: { user_id }, message: { text: 'Xin chao' } },
        token,
      );
    expect((await oaSend('5000000000000000002')).body['error']).toBe(-201);
    expect((await oaSend('5000000000000000001')).body['error']).toBe(0);

    const esmsV4 = `${sandbox.urls.esms}/SendMultipleMessage_V4_get?Phone=0987000121`;
    expect((await getJson(esmsV4)).body['CodeResult']).toBe('99');
    const ads = `${sandbox.urls.esms}/SendMultipleSMSBrandname_json/`;
    expect((await postJson(ads, { Phones: ['0987000121', '0987000199'] })).body['CodeResult']).toBe('99');
    expect((await postJson(ads, { Phones: ['0987000199', '0987000121'] })).body['CodeResult']).toBe('101');

    const speedsms = (to: string) => postJson(`${sandbox.urls.speedsms}/sms/send`, { to: [to] });
    expect((await speedsms('0987000122')).body).toMatchObject({ status: 'error', code: '105' });
    expect((await speedsms('0987000124')).status).toBe(401);

    const twilio = await postForm(`${sandbox.urls.twilio}/2010-04-01/Accounts/AC1/Messages.json`, {
      To: '+84987000123',
    });
    expect(twilio.body).toMatchObject({ code: 21614, status: 400 });

    const oauth = await postForm(`${sandbox.urls.zaloOauth}/oa/access_token`, {
      grant_type: 'refresh_token',
    });
    expect(oauth.body).toMatchObject({ error: -14002 });
  });

  it('applies an error rate deterministically', async () => {
    await addFault({ channel: 'zns', errorRate: 0.5, code: -100 });
    const codes = [];
    for (let index = 0; index < 4; index += 1) codes.push((await zns('0987000113')).body['error']);
    expect(codes.filter((code) => code === -100)).toHaveLength(2);
    expect(codes.filter((code) => code === 0)).toHaveLength(2);
  });

  it('answers HTTP 503 inside an outage window and normally outside it', async () => {
    await addFault({ outage: { from: VIETNAM_MORNING - 1000, to: VIETNAM_MORNING + 1000 } });
    const answer = await zns('0987000114');
    expect(answer.status).toBe(503);
    const { user, pass } = sandbox.seed.smtp[0];
    const transport = createTransport({
      host: '127.0.0.1',
      port: Number(new URL(sandbox.urls.smtp).port),
      ignoreTLS: true,
      auth: { user, pass },
    });
    await expect(
      transport.sendMail({ from: 'a@loa.test', to: 'b@example.test', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 421 });
    const cleared = await fetch(`${sandbox.urls.control}/faults`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect((await zns('0987000114')).status).toBe(200);
  });

  it('applies latency on matching requests (the request is held by the fault, then answered normally)', async () => {
    const id = await addFault({ channel: 'zns', recipients: ['84987000115'], latencyMs: 30 });
    const timer = jest.spyOn(global, 'setTimeout');
    expect((await zns('0987000115')).body['error']).toBe(0);
    expect(timer.mock.calls.some(([, delay]) => delay === 30)).toBe(true);
    timer.mockRestore();
    expect((await fetch(`${sandbox.urls.control}/faults/${id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('sets the clock, expires tokens and counts requests', async () => {
    const night = await postJson(`${sandbox.urls.control}/clock`, { now: '2026-03-10T16:00:00Z' });
    expect(night.body).toEqual({ now: '2026-03-10T16:00:00.000Z', frozen: true });
    expect((await zns('0987000116')).body['error']).toBe(-133);
    await postJson(`${sandbox.urls.control}/clock`, { now: '2026-03-10T03:00:00Z' });
    await postJson(`${sandbox.urls.control}/zalo/expire-tokens`, { oaId: '2000000000000000001' });
    expect((await zns('0987000116')).body['error']).toBe(-124);
    const count = await getJson(
      `${sandbox.urls.control}/requests?path=${encodeURIComponent('/zns/message/template')}`,
    );
    expect(count.body).toEqual({ path: '/zns/message/template', count: 2 });
    expect(sandbox.requestCount('/zns/message/template')).toBe(2);
  });

  it('lists and clears the inbox over HTTP', async () => {
    await zns('0987000117');
    const listed = await getJson<unknown[]>(
      `${sandbox.urls.inbox}/messages?channel=zns&recipient=84987000117`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({ channel: 'zns', recipient: '84987000117', correlationId: 'fault-1' }),
    ]);
    await zns('0987000118');
    await zns('0987000119');
    // In pages, oldest first
    const everything = await getJson<Array<{ id: string; recipient: string }>>(
      `${sandbox.urls.inbox}/messages?channel=zns`,
    );
    const pages = await Promise.all(
      [0, 2].map((offset) =>
        getJson<Array<{ id: string; recipient: string }>>(
          `${sandbox.urls.inbox}/messages?channel=zns&offset=${offset}&limit=2`,
        ),
      ),
    );
    // Compared by id: a message's delivery (a sandbox timer) may change its content between the two reads.
    const ids = (messages: Array<{ id: string }>) => messages.map((message) => message.id);
    expect(ids(pages.flatMap((page) => page.body))).toEqual(ids(everything.body.slice(0, 4)));
    expect(pages[0]!.body).toHaveLength(2);
    expect(everything.body.map((message) => message.recipient).slice(-3)).toEqual([
      '84987000117',
      '84987000118',
      '84987000119',
    ]);
    expect((await getJson(`${sandbox.urls.inbox}/messages?limit=-1`)).status).toBe(400);
    expect((await fetch(`${sandbox.urls.inbox}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson<unknown[]>(`${sandbox.urls.inbox}/messages`)).body).toEqual([]);
  });

  it('sets where a Zalo app posts its signed events (the developer console step)', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      const appId = sandbox.seed.zalo[0].appId;
      const set = await postJson(`${sandbox.urls.control}/zalo/webhook`, {
        url: `${receiver.url}/hook`,
        appId,
      });
      expect(set.body).toEqual({ apps: [appId], webhookUrl: `${receiver.url}/hook` });
      const sent = await zns('0987000130');
      const msgId = (sent.body['data'] as { msg_id: string }).msg_id;
      const receipt = await receiver.waitFor((call) => call.rawBody.includes(msgId));
      expect(receipt).toMatchObject({ method: 'POST', url: '/hook' });
      expect(receipt.headers['x-zevent-signature']).toMatch(/^[0-9a-f]{64}$/);
      expect((await postJson(`${sandbox.urls.control}/zalo/webhook`, { url: 'not a url' })).status).toBe(400);
      const unknown = await postJson(`${sandbox.urls.control}/zalo/webhook`, {
        url: receiver.url,
        appId: '9',
      });
      expect(unknown.status).toBe(404);
    } finally {
      delete sandbox.seed.zalo[0].webhookUrl;
      await receiver.stop();
    }
  });
});
