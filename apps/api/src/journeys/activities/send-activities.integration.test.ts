import type { JourneyRef } from '@loa/engine';
import { randomUUID } from 'node:crypto';
import { SEND_ERROR_TYPES, type RuleGroup, type SendActivityInput } from '@loa/engine';
import { waitFor } from '@loa/testing';
import { ApplicationFailure } from '@temporalio/activity';
import type { Redis } from 'ioredis';
import { sandboxSmtpConfig } from '../../channels/zalo/testing/zalo-sandbox-kit';
import { ContactsService } from '../../contacts/contacts.service';
import { SendService } from '../../messages/send.service';
import { REDIS_CLIENT } from '../../redis/redis.module';
import {
  connectZaloAccount,
  createAccount,
  esmsAccountConfig,
  ledgerRow,
  startWebhookTestBed,
  zaloAccountConfig,
  type WebhookTestBed,
} from '../../webhooks/testing/webhook-test-app';
import { insertCampaign } from '../testing/campaign-rows';
import { createContactActivities, type ContactActivities } from './contact-activities';
import { createSendActivities, createSendBatches, type SendActivities } from './send-activities';
import { insertTrackEvent, journeyOf, sendStep, stepKey, TestCampaigns } from './testing/journey-fixtures';

const DAY_MS = 86_400_000;
/** 2026-12-01 23:00 in Vietnam (UTC+7): inside the quiet hours below and outside the advertising SMS window. */
const VN_NIGHT = Date.parse('2026-12-01T16:00:00Z');

describe('the journey send activities send through the send service and answer in the engine vocabulary', () => {
  let bed: WebhookTestBed;
  let sends: SendService;
  let activities: SendActivities;
  let conditions: ContactActivities;
  const campaigns = new TestCampaigns();
  let zaloId: string;
  let esmsId: string;
  const deps = () => ({ db: bed.db, contacts: bed.app.get(ContactsService), campaigns });
  let smtpId: string;

  beforeAll(async () => {
    bed = await startWebhookTestBed();
    sends = bed.app.get(SendService);
    activities = createSendActivities({ ...deps(), sends });
    conditions = createContactActivities(deps());
    const zalo = await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox));
    await connectZaloAccount(bed, zalo.id);
    bed.sandbox.seed.zalo[0]!.webhookUrl = zalo.webhookUrl!;
    zaloId = zalo.id;
    esmsId = (await createAccount(bed, 'esms', esmsAccountConfig(bed.sandbox))).id;
    smtpId = (
      await bed.ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'smtp', name: 'Mail', config: sandboxSmtpConfig(bed.sandbox) })
        .expect(201)
    ).body.id as string;
    for (const id of [zaloId, esmsId, smtpId])
      await bed.ws.as.admin.patch(`/channel-accounts/${id}`).send({ sendRatePerSecond: 100 }).expect(200);
  });

  afterEach(() => {
    bed.sandbox.clearFaults();
    sends.clock = Date.now;
  });

  afterAll(async () => {
    await bed?.close();
  });

  let phoneSeq = 0;
  // 090 is a Vietnamese mobile prefix; a time-based digit after 09 could make one that is not (095).
  const newPhone = () =>
    `8490${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneSeq++ % 1000).padStart(3, '0')}`;
  const contact = async (write: Record<string, unknown>) =>
    (await bed.ws.as.admin.post('/contacts').send(write).expect(201)).body.id as string;
  const journey = (contactId: string, versionId = campaigns.add(), extra: Partial<JourneyRef> = {}) =>
    journeyOf(bed.ws.workspaceId, contactId, versionId, extra);
  const input = (ref: JourneyRef, step: SendActivityInput['step'], stepId = 'send-1'): SendActivityInput => ({
    journey: ref,
    stepId,
    idempotencyKey: stepKey(ref, stepId),
    step,
  });
  const zns = (params: Record<string, string>, purpose: 'care' | 'advertising' = 'care') =>
    sendStep(zaloId, { channel: 'zns', templateId: '300001', params, mode: 'normal' }, purpose);
  const orderParams = {
    customer_name: '{{ contact.name }}',
    order_code: '{{ event.orderId }}',
    amount: '{{ event.total }}',
    order_date: '{{ contact.last_order_date }}',
  };
  /** Literal values, for contacts that have no name or entry event (ZNS refuses an empty required param). */
  const plainParams = { customer_name: 'Lan', order_code: 'DH1', amount: '1', order_date: '01/12/2026' };
  const rowOf = async (key: string) =>
    (
      (await bed.db.query(`SELECT * FROM messages WHERE workspace_id = $1 AND idempotency_key = $2`, [
        bed.ws.workspaceId,
        key,
      ])) as Array<Record<string, unknown>>
    )[0];
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the activity to fail');
      },
      (error: unknown) => error,
    );

  it('ZNS: params rendered from the contact and the entry event, the campaign on the ledger row, one message for a retried key', async () => {
    const phone = newPhone();
    const contactId = await contact({
      phone,
      name: 'Nguyễn Thị Lan',
      attributes: { last_order_date: '30/11/2026' },
    });
    const entryEventId = await insertTrackEvent(bed.db, {
      workspaceId: bed.ws.workspaceId,
      contactId,
      name: 'cart_abandoned',
      properties: { orderId: 'DH1024', total: 450000 },
    });
    const ref = journey(contactId, campaigns.add({}, { name: 'Giỏ hàng', version: 3 }), { entryEventId });
    const send = input(ref, zns(orderParams));

    const first = await activities.sendZns(send);
    expect(first).toEqual({
      status: 'sent',
      messageId: expect.any(String),
      providerMessageId: expect.any(String),
    });
    const inbox = bed.sandbox.inbox({ channel: 'zns', recipient: phone });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.content.template_data).toEqual({
      customer_name: 'Nguyễn Thị Lan',
      order_code: 'DH1024',
      amount: '450000',
      order_date: '30/11/2026',
    });
    expect(await rowOf(send.idempotencyKey)).toMatchObject({
      contact_id: contactId,
      campaign_id: ref.campaignId,
      campaign_version: 3,
      step_id: 'send-1',
      purpose: 'transactional',
      template_ref: '300001',
    });

    // Temporal retries the activity (its answer was lost): the recorded outcome, no second message.
    expect(await activities.sendZns(send)).toEqual(first);
    expect(bed.sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
  });

  it('a cohort batch: one send per contact rendered as alone, each its own outcome; a paused campaign goes one by one', async () => {
    const batches = createSendBatches({ ...deps(), sends }, 4);
    const campaignId = await insertCampaign(bed.db, { workspaceId: bed.ws.workspaceId });
    const versionId = campaigns.add({}, { name: 'Khuyến mãi', version: 2 });
    const phones = [newPhone(), newPhone(), newPhone()];
    const ids = [
      await contact({ phone: phones[0], name: 'Lan' }),
      await contact({ phone: phones[1], name: 'Minh' }),
      await contact({ phone: phones[2], name: 'Hoa', doNotContact: true }),
    ];
    const gone = randomUUID();
    const step = zns({ ...plainParams, customer_name: '{{ contact.name }}' });
    const inputs = [...ids, gone].map((id) => input(journey(id, versionId, { campaignId }), step));

    const settled = await batches.sendZns(inputs);
    const results = settled.map((result) => (result.status === 'fulfilled' ? result.value : result.reason));
    expect(results).toEqual([
      { status: 'sent', messageId: expect.any(String), providerMessageId: expect.any(String) },
      { status: 'sent', messageId: expect.any(String), providerMessageId: expect.any(String) },
      { status: 'blocked', reason: 'do_not_contact' },
      await activities.sendZns(inputs[3]!),
    ]);
    expect(
      bed.sandbox.inbox({ channel: 'zns', recipient: phones[1]! })[0]!.content.template_data,
    ).toMatchObject({
      customer_name: 'Minh',
    });
    expect(await rowOf(inputs[0]!.idempotencyKey)).toMatchObject({
      campaign_id: campaignId,
      campaign_version: 2,
    });
    // The same batch again (a batch activity retried after its worker died): the recorded outcomes, nothing resent.
    const again = await batches.sendZns(inputs.slice(0, 3));
    expect(again.map((result) => (result.status === 'fulfilled' ? result.value : result.reason))).toEqual(
      results.slice(0, 3),
    );
    for (const phone of phones.slice(0, 2))
      expect(bed.sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);

    await bed.db.query(`UPDATE campaigns SET state = 'paused' WHERE id = $1`, [campaignId]);
    await expect(batches.sendZns(inputs)).rejects.toThrow('one by one');
  });

  it('a cohort batch of eSMS advertising SMS goes in one request per text; a text fewer than 30 share is not sent', async () => {
    const adsId = (
      await createAccount(bed, 'esms', { ...esmsAccountConfig(bed.sandbox), smsType: 'advertising' })
    ).id;
    await bed.ws.as.admin.patch(`/channel-accounts/${adsId}`).send({ sendRatePerSecond: 100 }).expect(200);
    sends.clock = () => Date.parse('2026-12-01T03:00:00Z'); // 10:00 in Vietnam
    const batches = createSendBatches({ ...deps(), sends }, 4);
    const campaignId = await insertCampaign(bed.db, { workspaceId: bed.ws.workspaceId });
    const versionId = campaigns.add({}, { name: 'Cuối tuần', version: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1)
      ids.push(
        await contact({
          phone: newPhone(),
          name: `Khách ${i}`,
          consents: { sms: { state: 'granted', source: 'form' } },
        }),
      );
    const run = randomUUID().slice(0, 8);
    const sale = sendStep(
      adsId,
      { channel: 'sms', brandName: 'SANDBOX', text: `Giảm 30% ${run}` },
      'advertising',
    );
    const named = sendStep(
      adsId,
      { channel: 'sms', brandName: 'SANDBOX', text: `Chào {{ contact.name }}, giảm 30% ${run}` },
      'advertising',
    );
    const inbox = () =>
      bed.sandbox
        .inbox({ channel: 'esms' })
        .filter((message) => String(message.content.Content).includes(run));

    const settled = await batches.sendSms(
      ids.map((id) => input(journey(id, versionId, { campaignId }), sale)),
    );
    const sent = settled.map((result) => (result.status === 'fulfilled' ? result.value : result.reason));
    expect(sent).toEqual(
      ids.map(() => ({
        status: 'sent',
        messageId: expect.any(String),
        providerMessageId: expect.any(String),
      })),
    );
    expect(
      new Set(sent.map((result) => (result as { providerMessageId: string }).providerMessageId)).size,
    ).toBe(1);
    expect(inbox()).toHaveLength(30);

    // Each contact's own text: no text reaches 30 numbers, so eSMS would refuse them (107); none is sent.
    const personal = await batches.sendSms(
      ids.map((id) => input(journey(id, versionId, { campaignId }), named, 'send-2')),
    );
    expect(personal.map((result) => (result.status === 'fulfilled' ? result.value : result.reason))).toEqual(
      ids.map(() => ({
        status: 'failed',
        errorCode: 'loa_esms_advertising_min_recipients',
        errorMessage: expect.stringContaining('at least 30'),
      })),
    );
    expect(inbox()).toHaveLength(30);
  });

  it('holds a send while its campaign is paused or stopped, sending nothing; a send already recorded answers its outcome', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone, name: 'Lan' });
    const campaignId = await insertCampaign(bed.db, { workspaceId: bed.ws.workspaceId });
    const ref = journey(contactId, campaigns.add(), { campaignId });
    const sms = sendStep(esmsId, { channel: 'sms', brandName: 'SANDBOX', text: 'Đơn DH1024 đã giao' });
    const setState = (state: string) =>
      bed.db.query('UPDATE campaigns SET state = $2 WHERE id = $1', [campaignId, state]);

    const sent = await activities.sendSms(input(ref, sms, 'sent-before'));
    expect(sent.status).toBe('sent');
    await setState('paused');
    expect(await activities.sendSms(input(ref, sms, 'sent-before'))).toEqual(sent);
    const held = input(ref, sms, 'after-pause');
    expect(await activities.sendSms(held)).toEqual({ status: 'held', campaignState: 'paused' });
    await setState('archived');
    expect(await activities.sendSms(held)).toEqual({ status: 'held', campaignState: 'stopped' });
    expect(await rowOf(held.idempotencyKey)).toBeUndefined();
    expect(bed.sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(1);
  });

  it('holds a send retried after a transient failure once its campaign is paused: only a final outcome answers', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone });
    const campaignId = await insertCampaign(bed.db, { workspaceId: bed.ws.workspaceId });
    const ref = journey(contactId, campaigns.add(), { campaignId });
    const sms = input(
      ref,
      sendStep(esmsId, { channel: 'sms', brandName: 'SANDBOX', text: 'Đơn DH1025 đã giao' }),
    );
    bed.sandbox.addFault({ channel: 'esms', recipients: [phone], errorRate: 1, code: 503 });
    await rejection(activities.sendSms(sms));
    bed.sandbox.clearFaults();
    await bed.db.query(`UPDATE campaigns SET state = 'paused' WHERE id = $1`, [campaignId]);

    expect(await activities.sendSms(sms)).toEqual({ status: 'held', campaignState: 'paused' });
    expect(bed.sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(0);
    await bed.db.query(`UPDATE campaigns SET state = 'active' WHERE id = $1`, [campaignId]);
    expect(await activities.sendSms(sms)).toMatchObject({ status: 'sent' });
    expect(bed.sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(1);
  });

  it('blocked by the guards, failed for good, and messages the send service cannot send', async () => {
    const ref = (contactId: string) => journey(contactId);
    const dnc = await contact({ phone: newPhone(), doNotContact: true });
    expect(await activities.sendZns(input(ref(dnc), zns(plainParams)))).toEqual({
      status: 'blocked',
      reason: 'do_not_contact',
    });
    const noPhone = await contact({ email: `no-phone-${randomUUID()}@example.vn` });
    expect(await activities.sendZns(input(ref(noPhone), zns(plainParams)))).toEqual({
      status: 'blocked',
      reason: 'no_address',
    });
    const notOnZalo = await contact({ phone: bed.sandbox.seed.phonesNotOnZalo[0] });
    expect(await activities.sendZns(input(ref(notOnZalo), zns(plainParams)))).toEqual({
      status: 'failed',
      errorCode: '-118',
      errorMessage: expect.stringContaining('no Zalo account'),
    });
    // Advertising SMS needs consent given (Decree 91): the engine has no such block reason, so it is a failure.
    const unconsented = await contact({ phone: newPhone() });
    const sms = sendStep(esmsId, { channel: 'sms', brandName: 'SANDBOX', text: 'Giảm 30%' }, 'advertising');
    expect(await activities.sendSms(input(ref(unconsented), sms))).toEqual({
      status: 'failed',
      errorCode: 'loa_no_consent',
      errorMessage: expect.any(String),
    });
    const image = sendStep(
      zaloId,
      {
        channel: 'oa',
        kind: 'consultation',
        message: { type: 'image', imageUrl: 'https://shophoa.vn/a.png' },
      },
      'care',
    );
    expect(await activities.sendOa(input(ref(unconsented), image))).toMatchObject({
      status: 'failed',
      errorCode: 'loa_oa_message_unsupported',
    });
    expect(await activities.sendSms(input(ref(unconsented), zns(plainParams)))).toMatchObject({
      status: 'failed',
      errorCode: 'loa_wrong_channel',
    });
    for (const accountId of [randomUUID(), 'not-an-account'])
      expect(
        await activities.sendSms(
          input(ref(unconsented), sendStep(accountId, { channel: 'sms', brandName: 'SANDBOX', text: 'x' })),
        ),
      ).toMatchObject({ status: 'failed', errorCode: 'loa_account_not_found' });
    expect(
      bed.sandbox.inbox({ channel: 'esms' }).filter((m) => m.content.Content === 'Giảm 30%'),
    ).toHaveLength(0);
  });

  it('e-mail escapes the data it inserts into HTML; an OA text reaches the contact’s Zalo user', async () => {
    const address = `lan-${randomUUID()}@example.vn`;
    const contactId = await contact({ email: address, name: '<b>Lan</b>' });
    const email = sendStep(
      smtpId,
      {
        channel: 'email',
        from: { email: 'news@shophoa.vn' },
        subject: 'Chào {{ contact.name }}',
        html: '<p>Chào {{ contact.name }}</p>',
        text: 'Chào {{ contact.name }}',
      },
      'transactional',
    );
    expect(await activities.sendEmail(input(journey(contactId), email))).toMatchObject({ status: 'sent' });
    const [mail] = bed.sandbox.inbox({ channel: 'smtp', recipient: address });
    const raw = JSON.stringify(mail!.content);
    expect(raw).toContain('&lt;b&gt;Lan&lt;/b&gt;');
    expect(raw).not.toContain('<p>Chào <b>Lan</b></p>');

    const follower = bed.sandbox.seed.zalo[0]!.oas[0]!.followers[0]!;
    const oaContact = await contact({
      name: 'An',
      zalo: [{ oaId: bed.sandbox.seed.zalo[0]!.oas[0]!.oaId, userId: follower.userId, follower: true }],
    });
    const text = sendStep(
      zaloId,
      { channel: 'oa', kind: 'consultation', message: { type: 'text', text: 'Chào {{ contact.name }}' } },
      'care',
    );
    expect(await activities.sendOa(input(journey(oaContact), text))).toMatchObject({ status: 'sent' });
    const [oa] = bed.sandbox.inbox({ channel: 'zalo_oa', recipient: follower.userId }).slice(-1);
    expect(JSON.stringify(oa!.content)).toContain('Chào An');
  });

  it('a frequency cap defers by value until the cap opens, also for the retried activity', async () => {
    const contactId = await contact({ phone: newPhone() });
    const versionId = campaigns.add({
      frequencyCaps: [{ channel: 'zns', max: 1, per: { amount: 1, unit: 'days' } }],
    });
    const first = input(journey(contactId, versionId), zns(plainParams, 'advertising'), 'first');
    expect(await activities.sendZns(first)).toMatchObject({ status: 'sent' });
    const sentAt = ((await rowOf(first.idempotencyKey))!.sent_at as Date).getTime();

    const second = input(journey(contactId, versionId), zns(plainParams, 'advertising'), 'second');
    const deferred = { status: 'deferred', reason: 'frequency_cap', retryAtMs: sentAt + DAY_MS };
    expect(await activities.sendZns(second)).toEqual(deferred);
    expect(await activities.sendZns(second)).toEqual(deferred);
    expect(await rowOf(second.idempotencyKey)).toMatchObject({ status: 'deferred', reason: 'frequency_cap' });
  });

  it('quiet hours and the advertising SMS window are the engine’s wait errors, with the moment to try again', async () => {
    sends.clock = () => VN_NIGHT;
    const phone = newPhone();
    const contactId = await contact({ phone, consents: { sms: { state: 'granted', source: 'form' } } });
    const quiet = campaigns.add({ quietHours: { start: '21:00', end: '08:00' } });
    const znsWait = await rejection(
      activities.sendZns(input(journey(contactId, quiet), zns(plainParams, 'advertising'))),
    );
    expect(znsWait).toBeInstanceOf(ApplicationFailure);
    expect(znsWait).toMatchObject({
      type: SEND_ERROR_TYPES.outsideAllowedHours,
      nonRetryable: true,
      details: [{ retryAtMs: Date.parse('2026-12-02T01:00:00Z') }],
    });

    const sms = sendStep(esmsId, { channel: 'sms', brandName: 'SANDBOX', text: 'Giảm 30%' }, 'advertising');
    const smsWait = await rejection(activities.sendSms(input(journey(contactId), sms)));
    expect(smsWait).toMatchObject({
      type: SEND_ERROR_TYPES.outsideAllowedHours,
      nonRetryable: true,
      details: [{ retryAtMs: Date.parse('2026-12-02T00:00:00Z') }],
    });
    expect(bed.sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(0);
  });

  it('retryable and token-expired provider errors are retried by Temporal; the retry with the same key sends once', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone });
    const sms = input(
      journey(contactId),
      sendStep(esmsId, { channel: 'sms', brandName: 'SANDBOX', text: 'Đơn DH1024 đã giao' }),
    );
    bed.sandbox.addFault({ channel: 'esms', recipients: [phone], errorRate: 1, code: 503 });
    const retryable = await rejection(activities.sendSms(sms));
    expect(retryable).toBeInstanceOf(ApplicationFailure);
    expect(retryable).toMatchObject({ type: SEND_ERROR_TYPES.retryable, nonRetryable: false });
    bed.sandbox.clearFaults();
    expect(await activities.sendSms(sms)).toMatchObject({ status: 'sent' });
    expect(await activities.sendSms(sms)).toMatchObject({ status: 'sent' });
    expect(bed.sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(1);

    const zalo = input(journey(contactId), zns(plainParams));
    bed.sandbox.addFault({ channel: 'zns', recipients: [phone], errorRate: 1, code: -124 });
    const expired = await rejection(activities.sendZns(zalo));
    expect(expired).toMatchObject({ type: SEND_ERROR_TYPES.tokenExpired, nonRetryable: false });
    bed.sandbox.clearFaults();
    expect(await activities.sendZns(zalo)).toMatchObject({ status: 'sent' });
    expect(bed.sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
  });

  it('a condition sees this journey’s ZNS as delivered once the signed sandbox receipt arrived', async () => {
    const contactId = await contact({ phone: newPhone(), name: 'Bình' });
    const ref = journey(contactId);
    // An earlier enrollment of the same workflow id (re-entry after exit) sent step zns-0.
    const earlier = input(ref, zns(plainParams), 'zns-0');
    expect(
      await activities.sendZns({ ...earlier, idempotencyKey: stepKey(ref, 'zns-0', 1, 'run-0') }),
    ).toMatchObject({
      status: 'sent',
    });
    const sent = await activities.sendZns(input(ref, zns(plainParams), 'zns-1'));
    expect(sent.status).toBe('sent');
    await waitFor('the delivery receipt', async () => {
      const row = await ledgerRow(bed.db, (sent as { messageId: string }).messageId);
      if (row.status !== 'delivered') throw new Error(`status ${row.status}`);
    });
    const outcome = (nodeId: string, value: 'sent' | 'delivered' | 'seen' | 'failed'): RuleGroup => ({
      match: 'all',
      rules: [{ kind: 'send_outcome', nodeId, outcome: value }],
    });
    const evaluate = (journeyRef: JourneyRef, rule: RuleGroup) =>
      conditions.evaluateCondition({ journey: journeyRef, stepId: 'check', rule });
    expect(await evaluate(ref, outcome('zns-1', 'delivered'))).toBe(true);
    expect(await evaluate(ref, outcome('zns-1', 'sent'))).toBe(true);
    expect(await evaluate(ref, outcome('zns-1', 'failed'))).toBe(false);
    expect(await evaluate(ref, outcome('zns-2', 'delivered'))).toBe(false);
    expect(await evaluate(ref, outcome('zns-0', 'sent'))).toBe(false);
    // Another journey of the same contact did not send it.
    expect(await evaluate(journey(contactId), outcome('zns-1', 'delivered'))).toBe(false);

    const failedRef = journey(await contact({ phone: bed.sandbox.seed.phonesNotOnZalo[1] }));
    await activities.sendZns(input(failedRef, zns(plainParams), 'zns-1'));
    expect(await evaluate(failedRef, outcome('zns-1', 'failed'))).toBe(true);
    expect(await evaluate(failedRef, outcome('zns-1', 'sent'))).toBe(false);
  });

  it('a used-up ZNS quota waits until Vietnam midnight', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone });
    bed.sandbox.addFault({ channel: 'zns', recipients: [phone], errorRate: 1, code: -144 });
    try {
      const midnightAfter = (ms: number) =>
        Date.parse(`${new Date(ms + 7 * 3_600_000 + DAY_MS).toISOString().slice(0, 10)}T00:00:00+07:00`);
      // The send may cross midnight: its answer is the midnight after the moment before or after it.
      const before = midnightAfter(Date.now());
      const quota = await rejection(activities.sendZns(input(journey(contactId), zns(plainParams))));
      const after = midnightAfter(Date.now());
      expect(quota).toBeInstanceOf(ApplicationFailure);
      expect(quota).toMatchObject({ type: SEND_ERROR_TYPES.quotaExhausted, nonRetryable: true });
      const { retryAtMs } = (quota as ApplicationFailure).details?.[0] as { retryAtMs: number };
      expect([before, after]).toContain(retryAtMs);
    } finally {
      await bed.app.get<Redis>(REDIS_CLIENT).del(`zns-quota:${zaloId}`);
    }
  });
});
