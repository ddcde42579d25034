import { startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { WebhookReceiver } from '@loa/provider-sandbox/testing/webhook-receiver';
import { createHttpClient, type HttpClient } from '../../http/http-client';
import { parseTwilioStatusCallback } from './twilio.callback';
import { TwilioAccountSchema, type TwilioAccount } from './twilio.config';
import { createTwilioConnector } from './twilio.connector';
import { twilioSignature, verifyTwilioSignature } from './twilio.signature';

describe('Twilio connector against the provider sandbox', () => {
  let sandbox: RunningSandbox;
  let http: HttpClient;
  let receiver: WebhookReceiver;
  let account: TwilioAccount;
  const connector = () => createTwilioConnector({ http });

  beforeAll(async () => {
    sandbox = await startSandbox({ receiptDelayMs: 5 });
    http = createHttpClient();
    receiver = await new WebhookReceiver().start();
    const [seeded] = sandbox.seed.twilio;
    account = TwilioAccountSchema.parse({
      accountSid: seeded.accountSid,
      authToken: seeded.authToken,
      from: seeded.senders[0],
      statusCallbackUrl: `${receiver.url}/twilio/status`,
      baseUrl: sandbox.urls.twilio,
    });
  });

  afterEach(() => sandbox.clearFaults());

  afterAll(async () => {
    await receiver.stop();
    await http.close();
    await sandbox.close();
  });

  it('201: sent with the SM sid and segments; the signed status callback verifies and a forged one does not', async () => {
    const outcome = await connector().send({
      account,
      message: { to: '0912345201', text: 'Your code is 123456', purpose: 'otp' },
      idempotencyKey: 'twilio-1',
    });
    expect(outcome).toMatchObject({ status: 'sent', segments: 1 });
    if (outcome.status !== 'sent') return;
    const sid = outcome.providerMessageId ?? '';
    expect(sid).toMatch(/^SM/);
    const [delivered] = sandbox.inbox({ channel: 'twilio', recipient: '+84912345201' });
    expect(delivered.providerMessageId).toBe(outcome.providerMessageId);

    const call = await receiver.waitFor(
      (received) => received.url === '/twilio/status' && received.rawBody.includes(sid),
    );
    const url = `${receiver.url}${call.url}`;
    const params = new URLSearchParams(call.rawBody);
    const header = call.headers['x-twilio-signature'] as string;
    expect(verifyTwilioSignature({ url, params, header, authToken: account.authToken })).toBe(true);
    expect(parseTwilioStatusCallback(params)).toMatchObject({
      ok: true,
      report: { messageSid: outcome.providerMessageId },
    });

    const forged = new URLSearchParams(params);
    forged.set('MessageStatus', 'delivered');
    forged.set('ErrorCode', '');
    const tampered = forged.toString() !== params.toString();
    expect(tampered).toBe(true);
    expect(verifyTwilioSignature({ url, params: forged, header, authToken: account.authToken })).toBe(false);
    const signedWithAnotherToken = twilioSignature({ url, params, authToken: 'attacker-token' });
    expect(
      verifyTwilioSignature({ url, params, header: signedWithAnotherToken, authToken: account.authToken }),
    ).toBe(false);
  });

  it('sends to other countries in E.164 through a messaging service', async () => {
    const outcome = await connector().send({
      account: {
        ...account,
        from: undefined,
        messagingServiceSid: sandbox.seed.twilio[0].messagingServiceSids[0],
      },
      message: { to: '+1 415 555 2671', text: 'Hello', purpose: 'care' },
      idempotencyKey: 'twilio-us-1',
    });
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(sandbox.inbox({ channel: 'twilio', recipient: '+14155552671' })).toHaveLength(1);
  });

  it('21211 from Twilio is a permanent recipient failure', async () => {
    sandbox.addFault({ channel: 'twilio', recipients: ['+84912345202'], code: 21211, errorRate: 1 });
    const outcome = await connector().send({
      account,
      message: { to: '0912345202', text: 'Hi', purpose: 'care' },
      idempotencyKey: 'twilio-21211',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      code: '21211',
    });
  });

  it('a wrong auth token is 20003, the account is at fault', async () => {
    const outcome = await connector().send({
      account: { ...account, authToken: 'wrong-token' },
      message: { to: '0912345203', text: 'Hi', purpose: 'care' },
      idempotencyKey: 'twilio-20003',
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'permanent', scope: 'account', code: '20003' });
    expect(JSON.stringify(outcome)).not.toContain('wrong-token');
  });

  it('a send whose answer was lost has an unknown outcome: Twilio cannot recognise a resend', async () => {
    sandbox.addFault({ channel: 'twilio', recipients: ['+84912345209'], code: 'reset' });
    const outcome = await connector().send({
      account,
      message: { to: '0912345209', text: 'Hi', purpose: 'care' },
      idempotencyKey: 'twilio-reset',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      class: 'outcome_unknown',
      correlationId: 'twilio-reset',
    });
    expect(sandbox.inbox({ channel: 'twilio', recipient: '+84912345209' })).toHaveLength(1);
  });

  it('20429 is retryable', async () => {
    sandbox.addFault({ channel: 'twilio', code: 20429, errorRate: 1 });
    const outcome = await connector().send({
      account,
      message: { to: '0912345204', text: 'Hi', purpose: 'care' },
      idempotencyKey: 'twilio-20429',
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'retryable', code: '20429' });
  });
});
