import { createHmac } from 'node:crypto';
import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { defaultSeed } from '../state/default-seed';
import { basicAuth, postForm } from '../testing/http';
import { WebhookReceiver } from '../testing/webhook-receiver';

describe('Twilio Messages (providers.md §5.3)', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningSandbox;
  const account = () => sandbox.seed.twilio[0];
  const create = (form: Record<string, string>, token = account().authToken) =>
    postForm(`${sandbox.urls.twilio}/2010-04-01/Accounts/${account().accountSid}/Messages.json`, form, {
      authorization: basicAuth(account().accountSid, token),
    });

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    const seed = defaultSeed();
    seed.twilio[0].unsubscribed = ['+84987000001'];
    seed.twilio[0].unroutable = ['+84987000002'];
    sandbox = await startSandbox({ seed, receiptDelayMs: 5 });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.stop();
  });

  it('answers 201 with the message resource and posts signed status callbacks queued → sent → delivered', async () => {
    const callbackUrl = `${receiver.url}/twilio-status?x=1`;
    const { status, body } = await create({
      To: '+84987654321',
      From: '+15005550006',
      Body: 'Xin chào',
      StatusCallback: callbackUrl,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
      to: '+84987654321',
      from: '+15005550006',
      direction: 'outbound-api',
      num_segments: '1',
      date_created: expect.stringMatching(/\+0000$/),
    });
    const delivered = await receiver.waitFor((call) => call.rawBody.includes('MessageStatus=delivered'));
    const statuses = receiver.calls.map((call) => new URLSearchParams(call.rawBody).get('MessageStatus'));
    expect(statuses).toEqual(['queued', 'sent', 'delivered']);
    const params = Object.fromEntries(new URLSearchParams(delivered.rawBody));
    const data = Object.keys(params)
      .sort()
      .reduce((joined, name) => joined + name + params[name], callbackUrl);
    expect(delivered.headers['x-twilio-signature']).toBe(
      createHmac('sha1', account().authToken).update(data).digest('base64'),
    );
    expect(params['MessageSid']).toBe(body['sid']);
  });

  it('answers Twilio error JSON: 20003, 21211, 21610, 21612', async () => {
    const wrongAuth = await create({ To: '+84987654321', From: '+15005550006', Body: 'x' }, 'sandbox-wrong');
    expect(wrongAuth.status).toBe(401);
    expect(wrongAuth.body).toEqual({
      code: 20003,
      message: expect.any(String),
      more_info: expect.any(String),
      status: 401,
    });
    expect((await create({ To: '0987654321', From: '+15005550006', Body: 'x' })).body).toMatchObject({
      code: 21211,
      status: 400,
    });
    expect((await create({ To: '+84987000001', From: '+15005550006', Body: 'x' })).body).toMatchObject({
      code: 21610,
    });
    expect((await create({ To: '+84987000002', From: '+15005550006', Body: 'x' })).body).toMatchObject({
      code: 21612,
    });
  });
});
