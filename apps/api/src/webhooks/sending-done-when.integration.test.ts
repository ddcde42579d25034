import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { type ReceivedCall, WebhookReceiver } from '@loa/provider-sandbox/testing/webhook-receiver';
import { freePort, waitFor } from '@loa/testing';
import {
  consentAtZalo,
  sandboxEsmsConfig,
  sandboxSmtpConfig,
  sandboxZaloConfig,
  startZaloTestSandbox,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

interface LedgerRow {
  id: string;
  channel: string;
  recipient: string | null;
  status: string;
  sentAt: string | null;
  deliveredAt: string | null;
  seenAt: string | null;
  cost: { amount: number; currency: string } | null;
}

/** Every time is set, and none is earlier than the one before it. */
function expectInOrder(...times: Array<string | null>): void {
  expect(times).not.toContain(null);
  const ms = times.map((time) => Date.parse(time ?? ''));
  expect(ms).toEqual([...ms].sort((a, b) => a - b));
}

/**
 * Issue 9's "done when", through HTTP only: an admin connects a sandbox Zalo OA through the OAuth redirect, sees its
 * ZNS templates, sends test messages (ZNS, an OA message, SMS over eSMS, e-mail over SMTP), and the ledger rows
 * follow the sandbox's signed receipts. The sandbox posts the OA's events to a relay that keeps each one until the
 * test passes it on, byte for byte, to the account's webhook URL, so every state is read before the next receipt.
 * ZNS has no seen receipt (providers.md §2.5); the OA message shows sent → delivered → seen.
 */
describe('issue 9 done when: connect a sandbox OA, send test messages, watch the ledger follow the receipts', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let relay: WebhookReceiver;
  let oa: { id: string; webhookUrl: string };
  const passedOn = new Set<ReceivedCall>();

  beforeAll(async () => {
    const port = await freePort();
    const publicApiUrl = `http://127.0.0.1:${port}`;
    // The sandbox's clock is the real one; ZNS night refusals would make the test depend on the hour.
    sandbox = await startZaloTestSandbox({ publicApiUrl, znsNightWindow: false });
    app = await createApp(
      testConfig({ LOA_PUBLIC_API_URL: publicApiUrl, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }),
    );
    await app.listen(port, '127.0.0.1');
    ws = await seedTestWorkspace(app);
    relay = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await sandbox?.close();
    await app?.close();
    await relay?.stop();
  });

  async function createAccount(kind: string, name: string, config: Record<string, unknown>) {
    const created = await ws.as.admin.post('/channel-accounts').send({ kind, name, config }).expect(201);
    return created.body as { id: string; status: string; webhookUrl: string };
  }

  async function sendTest(accountId: string, body: Record<string, unknown>) {
    const sent = await ws.as.admin.post(`/channel-accounts/${accountId}/test-message`).send(body).expect(200);
    expect(sent.body).toMatchObject({ status: 'sent', messageId: expect.any(String) });
    return sent.body.messageId as string;
  }

  /** The message as GET /messages lists it for its account. */
  async function ledgerRow(accountId: string, messageId: string): Promise<LedgerRow> {
    const list = await ws.as.admin.get('/messages').query({ accountId }).expect(200);
    const row = (list.body.items as LedgerRow[]).find((item) => item.id === messageId);
    if (!row) throw new Error(`message ${messageId} is not in the ledger`);
    return row;
  }

  const untilStatus = (accountId: string, messageId: string, status: string) =>
    waitFor(`message ${status}`, async () => {
      const row = await ledgerRow(accountId, messageId);
      if (row.status !== status) throw new Error(`status ${row.status}`);
      return row;
    });

  /** Waits for the sandbox's signed `eventName` about `msgId`, and passes it on to the OA's webhook URL. */
  async function passOn(eventName: string, msgId: string): Promise<void> {
    const call = await relay.waitFor(
      (received) =>
        !passedOn.has(received) &&
        received.rawBody.includes(`"event_name":"${eventName}"`) &&
        received.rawBody.includes(msgId),
    );
    passedOn.add(call);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const name of ['x-zevent-signature', 'x-zevent-server']) {
      const value = call.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(oa.webhookUrl, { method: 'POST', headers, body: call.rawBody });
    expect(answer.status).toBe(200);
  }

  it('connects the OA through the OAuth redirect and shows its synced ZNS templates', async () => {
    const created = await createAccount('zalo_oa', 'Zalo OA Cửa hàng', sandboxZaloConfig(sandbox));
    expect(created.status).toBe('not_connected');
    oa = created;
    const started = await ws.as.admin.post(`/channel-accounts/${oa.id}/zalo/connect`).expect(200);
    // The admin's browser opens the consent page; Zalo sends it back to the callback with the session cookie.
    const callback = await consentAtZalo(started.body.url);
    const finished = await ws.as.admin.get(callback).expect(200);
    expect(finished.text).toContain('is connected');
    const account = await ws.as.admin.get(`/channel-accounts/${oa.id}`).expect(200);
    expect(account.body).toMatchObject({ status: 'connected', providerName: 'Cửa hàng Sandbox' });

    const templates = await ws.as.admin.get('/templates/zns').query({ accountId: oa.id }).expect(200);
    const seeded = sandbox.seed.zalo[0].oas[0].templates;
    expect(templates.body.items.map((t: { templateId: string }) => t.templateId).sort()).toEqual(
      seeded.map((t) => t.templateId).sort(),
    );
    const otp = await ws.as.admin.get('/templates/zns/300002').query({ accountId: oa.id }).expect(200);
    expect(otp.body).toMatchObject({
      status: 'ENABLE',
      price: 300,
      params: [expect.objectContaining({ name: 'otp', type: 'STRING', maxLength: 10 })],
    });

    // The developer console step: the OA's app posts its signed events here (the relay in front of webhookUrl).
    const consoleStep = await fetch(`${sandbox.urls.control}/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: relay.url }),
    });
    expect(consoleStep.status).toBe(200);
  });

  it('a test ZNS reads sent, then delivered from its signed receipt, billed at the template price', async () => {
    const messageId = await sendTest(oa.id, {
      to: '0912345678',
      templateId: '300002',
      templateData: { otp: '482913' },
    });
    const sent = await ledgerRow(oa.id, messageId);
    expect(sent).toMatchObject({ channel: 'zns', status: 'sent', deliveredAt: null });

    const msgId = (await ws.as.admin.get(`/messages/${messageId}`).expect(200)).body.providerMessageId;
    await passOn('user_received_message', msgId);
    const delivered = await untilStatus(oa.id, messageId, 'delivered');
    expect(delivered).toMatchObject({ seenAt: null, cost: { amount: 300, currency: 'VND' } });
    expectInOrder(sent.sentAt, delivered.deliveredAt);
  });

  it('a test OA message reads sent, then delivered, then seen from the signed receipts', async () => {
    const follower = sandbox.seed.zalo[0].oas[0].followers[0].userId;
    const messageId = await sendTest(oa.id, { channel: 'zalo_oa', to: follower, text: 'Đơn DH1024 đã giao' });
    const sent = await ledgerRow(oa.id, messageId);
    expect(sent).toMatchObject({ channel: 'zalo_oa', status: 'sent', deliveredAt: null, seenAt: null });

    const msgId = (await ws.as.admin.get(`/messages/${messageId}`).expect(200)).body.providerMessageId;
    await passOn('user_received_message', msgId);
    const delivered = await untilStatus(oa.id, messageId, 'delivered');
    expect(delivered.seenAt).toBeNull();

    await passOn('user_seen_message', msgId);
    const seen = await untilStatus(oa.id, messageId, 'seen');
    expect(seen.deliveredAt).toBe(delivered.deliveredAt);
    expectInOrder(seen.sentAt, seen.deliveredAt, seen.seenAt);
  });

  it('a test SMS over eSMS is sent, then delivered by the eSMS callback; a test e-mail is sent over SMTP', async () => {
    const esms = await createAccount('esms', 'eSMS CSKH', sandboxEsmsConfig(sandbox));
    const sms = await sendTest(esms.id, { to: '0912345678', text: 'Tin nhắn thử từ Loa' });
    const delivered = await untilStatus(esms.id, sms, 'delivered');
    expect(delivered).toMatchObject({ channel: 'sms', seenAt: null });
    expect(delivered.cost).toEqual({ amount: 520, currency: 'VND' });
    expectInOrder(delivered.sentAt, delivered.deliveredAt);

    const smtp = await createAccount('smtp', 'Mail Shop Hoa', sandboxSmtpConfig(sandbox));
    const mail = await sendTest(smtp.id, { to: 'lan@example.vn', subject: 'Thư thử từ Loa' });
    expect(await ledgerRow(smtp.id, mail)).toMatchObject({
      channel: 'email',
      recipient: 'lan@example.vn',
      status: 'sent',
    });
    const inbox = await fetch(`${sandbox.urls.inbox}/messages?channel=smtp&recipient=lan@example.vn`);
    expect(await inbox.json()).toEqual([
      expect.objectContaining({ content: expect.objectContaining({ subject: 'Thư thử từ Loa' }) }),
    ]);
  });
});
