import { defaultSeed, startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { WebhookReceiver } from '@loa/provider-sandbox/testing/webhook-receiver';
import { createHttpClient, type HttpClient } from '../../http/http-client';
import { EsmsAccountSchema, type EsmsAccount } from './esms.config';
import { parseEsmsCallback } from './esms.callback';
import { createEsmsConnector } from './esms.connector';

const esmsBaseUrl = (sandbox: RunningSandbox) => sandbox.urls.esms;

describe('eSMS connector against the provider sandbox', () => {
  let sandbox: RunningSandbox;
  let http: HttpClient;
  let receiver: WebhookReceiver;
  let care: EsmsAccount;
  let advertising: EsmsAccount;
  const connector = () => createEsmsConnector({ http });
  const requestsTo = (name: string) => {
    const path = `${new URL(esmsBaseUrl(sandbox)).pathname}/${name}`;
    return sandbox.requestCount(path) + sandbox.requestCount(`${path}/`);
  };
  const sends = () => requestsTo('SendMultipleMessage_V4_post_json');
  const advertisingSends = () => requestsTo('SendMultipleSMSBrandname_json');
  const adPhones = (count: number, from: number) =>
    Array.from({ length: count }, (_, i) => `0912${String(from + i).padStart(6, '0')}`);
  const adItems = (phones: string[], text = 'Giảm 30% cuối tuần. Tu choi: TC gui 6020') =>
    phones.map((to) => ({
      message: { to, text, purpose: 'advertising' as const },
      idempotencyKey: `run_7:contact_${to}:send_sms`,
    }));
  const delivered = (phone: string) => sandbox.inbox({ channel: 'esms', recipient: `84${phone.slice(1)}` });

  beforeAll(async () => {
    sandbox = await startSandbox({ receiptDelayMs: 5 });
    http = createHttpClient();
    receiver = await new WebhookReceiver().start();
    const [seeded] = sandbox.seed.esms;
    care = EsmsAccountSchema.parse({
      apiKey: seeded.apiKey,
      secretKey: seeded.secretKey,
      brandname: seeded.brandnames[0],
      smsType: 'care',
      callbackUrl: `${receiver.url}/esms/callback`,
      baseUrl: esmsBaseUrl(sandbox),
    });
    advertising = { ...care, smsType: 'advertising', callbackUrl: undefined };
  });

  afterEach(() => sandbox.clearFaults());

  afterAll(async () => {
    await receiver.stop();
    await http.close();
    await sandbox.close();
  });

  it('sends a care SMS with the RequestId from the key, and parses the GET delivery report', async () => {
    const text = 'Chào bạn, đơn hàng #42 đã giao'.normalize('NFD');
    const outcome = await connector().send({
      account: care,
      message: { to: '0912 345 001', text, purpose: 'care' },
      idempotencyKey: 'journey:camp_1:contact_1:once:send_sms:1',
    });
    expect(outcome).toMatchObject({ status: 'sent', segments: 1 });
    if (outcome.status !== 'sent') return;
    expect(outcome.correlationId).toMatch(/^[A-Za-z0-9_-]{1,40}$/);

    const [delivered] = sandbox.inbox({ channel: 'esms', recipient: '84912345001' });
    expect(delivered).toMatchObject({
      providerMessageId: outcome.providerMessageId,
      correlationId: outcome.correlationId,
    });
    expect(delivered.content).toMatchObject({
      Content: 'Chào bạn, đơn hàng #42 đã giao',
      IsUnicode: '1',
      SmsType: '2',
    });

    const call = await receiver.waitFor((received) => received.url.startsWith('/esms/callback'));
    expect(call.method).toBe('GET');
    const report = parseEsmsCallback(new URL(call.url, receiver.url).searchParams);
    expect(report).toMatchObject({
      ok: true,
      report: { smsId: outcome.providerMessageId, requestId: outcome.correlationId, type: 'care' },
    });
  });

  it('a retried send with the same key is recognised by eSMS (124) and reported as already sent', async () => {
    const request = {
      account: care,
      message: { to: '0912345002', text: 'Ma OTP cua ban la 123456', purpose: 'otp' as const },
      idempotencyKey: 'journey:camp_1:contact_2:once:send_sms:1',
    };
    const first = await connector().send(request);
    const retried = await connector().send(request);
    expect(first).toMatchObject({ status: 'sent' });
    expect(retried).toMatchObject({ status: 'sent', deduplicated: true, correlationId: first.correlationId });
    expect(sandbox.inbox({ channel: 'esms', recipient: '84912345002' })).toHaveLength(1);
  });

  it('a send whose answer was lost is retried under the same RequestId, and the retry that gets 124 is sent once', async () => {
    const request = {
      account: care,
      message: { to: '0912345009', text: 'Ma OTP cua ban la 654321', purpose: 'otp' as const },
      idempotencyKey: 'journey:camp_1:contact_9:once:send_sms:1',
    };
    sandbox.addFault({ channel: 'esms', recipients: ['84912345009'], code: 'reset' });
    const lost = await connector().send(request);
    expect(lost).toMatchObject({ status: 'failed', class: 'retryable', code: 'UND_ERR_SOCKET' });
    sandbox.clearFaults();
    const retried = await connector().send(request);
    expect(retried).toMatchObject({ status: 'sent', deduplicated: true, correlationId: lost.correlationId });
    expect(sandbox.inbox({ channel: 'esms', recipient: '84912345009' })).toHaveLength(1);
  });

  it('Sandbox=1 is validated and accepted but delivers nothing', async () => {
    const outcome = await connector().send({
      account: { ...care, sandbox: true },
      message: { to: '0912345003', text: 'Test', purpose: 'care' },
      idempotencyKey: 'sandbox-flag-1',
    });
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(sandbox.inbox({ channel: 'esms', recipient: '84912345003' })).toEqual([]);
  });

  it('wrong keys answer 101: permanent, the account is at fault', async () => {
    const outcome = await connector().send({
      account: { ...care, secretKey: 'wrong-secret' },
      message: { to: '0912345004', text: 'Test', purpose: 'care' },
      idempotencyKey: 'wrong-keys-1',
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'permanent', scope: 'account', code: '101' });
    expect(JSON.stringify(outcome)).not.toContain('wrong-secret');
  });

  it('a bad phone fails before any request', async () => {
    const before = sends();
    const outcome = await connector().send({
      account: care,
      message: { to: '12345', text: 'Test', purpose: 'care' },
      idempotencyKey: 'bad-phone-1',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      code: 'loa_invalid_phone',
    });
    expect(sends()).toBe(before);
  });

  it('sends advertising to 30 numbers in one SendMultipleSMSBrandname request with the [QC] label', async () => {
    const phones = adPhones(30, 346100);
    const [before, beforeV4] = [advertisingSends(), sends()];
    const outcomes = await connector().sendBatch({
      account: advertising,
      batchKey: 'run_7:step_3',
      items: adItems(phones),
    });
    expect(advertisingSends()).toBe(before + 1);
    expect(sends()).toBe(beforeV4);
    expect(outcomes.every((outcome) => outcome.status === 'sent' && !outcome.deduplicated)).toBe(true);
    expect(new Set(outcomes.map((outcome) => outcome.correlationId)).size).toBe(1);
    for (const phone of [phones[0], phones[29]]) {
      const [message] = delivered(phone);
      expect(message.content).toMatchObject({ SmsType: '1' });
      expect(JSON.stringify(message.content)).toContain('[QC] Giảm 30% cuối tuần');
      expect(message.correlationId).toBe(outcomes[0].correlationId);
    }
  });

  it('a resent advertising batch is deduplicated by eSMS, in any order; a different set of items is a new request', async () => {
    const phones = adPhones(30, 347100);
    const first = await connector().sendBatch({
      account: advertising,
      batchKey: 'run_8',
      items: adItems(phones),
    });
    expect(first.every((outcome) => outcome.status === 'sent' && !outcome.deduplicated)).toBe(true);

    const reordered = await connector().sendBatch({
      account: advertising,
      batchKey: 'run_8',
      items: adItems([...phones].reverse()),
    });
    expect(reordered.every((outcome) => outcome.status === 'sent' && outcome.deduplicated)).toBe(true);
    expect(reordered[0].correlationId).toBe(first[0].correlationId);

    // A RequestId never answers for numbers it did not carry: other items make another request, which is sent
    // (keeping numbers already recorded as sent out of a retry is the send ledger's job).
    const others = adPhones(30, 347200);
    const next = await connector().sendBatch({
      account: advertising,
      batchKey: 'run_8',
      items: adItems(others),
    });
    expect(next.every((outcome) => outcome.status === 'sent' && !outcome.deduplicated)).toBe(true);
    expect(next[0].correlationId).not.toBe(first[0].correlationId);
    for (const phone of [...phones, ...others]) expect(delivered(phone)).toHaveLength(1);
  });

  it('a changed text under the same batch key is a new message', async () => {
    const phones = adPhones(30, 348100);
    const first = await connector().sendBatch({
      account: advertising,
      batchKey: 'run_9',
      items: adItems(phones),
    });
    const other = await connector().sendBatch({
      account: advertising,
      batchKey: 'run_9',
      items: adItems(phones, 'Mua 1 tang 1. Tu choi: TC gui 6020'),
    });
    expect(other.every((outcome) => outcome.status === 'sent' && !outcome.deduplicated)).toBe(true);
    expect(other[0].correlationId).not.toBe(first[0].correlationId);
    expect(delivered(phones[0])).toHaveLength(2);
  });

  it('refuses an advertising batch without a batch key before any request', async () => {
    const before = advertisingSends();
    const outcomes = await connector().sendBatch({
      account: advertising,
      items: adItems(adPhones(30, 349100)),
    });
    expect(outcomes.every((outcome) => outcome.status === 'failed')).toBe(true);
    expect(outcomes[0]).toMatchObject({ class: 'permanent', code: 'loa_esms_batch_key_missing' });
    expect(advertisingSends()).toBe(before);
  });

  it('does not send advertising to fewer than 30 numbers', async () => {
    const before = sends();
    const single = await connector().send({
      account: advertising,
      message: { to: '0912345005', text: 'Sale', purpose: 'advertising' },
      idempotencyKey: 'ad-single',
    });
    expect(single).toMatchObject({
      class: 'permanent',
      scope: 'message',
      code: 'loa_esms_advertising_min_recipients',
    });
    expect(sends()).toBe(before);
  });

  it('maps a low balance (103) to a permanent account failure and an outage to retryable', async () => {
    sandbox.addFault({ channel: 'esms', code: '103', errorRate: 1 });
    const broke = await connector().send({
      account: care,
      message: { to: '0912345006', text: 'Test', purpose: 'care' },
      idempotencyKey: 'balance-1',
    });
    expect(broke).toMatchObject({ status: 'failed', class: 'permanent', scope: 'account', code: '103' });
    sandbox.clearFaults();
    sandbox.addFault({ channel: 'esms', outage: { from: 0, to: Number.MAX_SAFE_INTEGER } });
    const down = await connector().send({
      account: care,
      message: { to: '0912345006', text: 'Test', purpose: 'care' },
      idempotencyKey: 'outage-1',
    });
    expect(down).toMatchObject({ status: 'failed', class: 'retryable' });
  });
});

describe('eSMS advertising over 5,000 numbers', () => {
  it('a retry of the request that failed keeps its RequestId and delivers every number in it', async () => {
    const seed = defaultSeed();
    seed.esms[0].balance = 100_000_000;
    const sandbox = await startSandbox({ seed });
    const http = createHttpClient();
    try {
      const seeded = sandbox.seed.esms[0];
      const account = EsmsAccountSchema.parse({
        apiKey: seeded.apiKey,
        secretKey: seeded.secretKey,
        brandname: seeded.brandnames[0],
        smsType: 'advertising',
        baseUrl: sandbox.urls.esms,
      });
      const phones = Array.from({ length: 6000 }, (_, i) => `0912${String(500000 + i).padStart(6, '0')}`);
      const items = phones.map((to) => ({
        message: { to, text: 'Sale 30%. Tu choi: TC gui 6020', purpose: 'advertising' as const },
        idempotencyKey: `run_10:contact_${to}:send_sms`,
      }));
      // Items are ordered by key, so the second request of 3,000 starts at the 3,001st phone.
      sandbox.addFault({ channel: 'esms', recipients: [`84${phones[3000].slice(1)}`], code: '120' });
      const connector = createEsmsConnector({ http });
      const first = await connector.sendBatch({ account, items, batchKey: 'campaign_9:step_2' });
      const failed = items.filter((_, index) => first[index].status === 'failed');
      expect(failed).toHaveLength(3000);
      expect(first[3000]).toMatchObject({ class: 'retryable' });

      sandbox.clearFaults();
      const retried = await connector.sendBatch({ account, items: failed, batchKey: 'campaign_9:step_2' });
      expect(retried.every((outcome) => outcome.status === 'sent' && !outcome.deduplicated)).toBe(true);
      const reached = failed.filter(
        ({ message }) =>
          sandbox.inbox({ channel: 'esms', recipient: `84${message.to.slice(1)}` }).length === 1,
      );
      expect(reached).toHaveLength(3000);
    } finally {
      await http.close();
      await sandbox.close();
    }
  });
});
