import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import request from 'supertest';
import { ReceiptProcessing } from './receipt-processing.service';
import {
  connectZaloAccount,
  createAccount,
  esmsAccountConfig,
  insertLedgerRow,
  ledgerRow,
  receiptsOf,
  SANDBOX_APP_ID,
  SANDBOX_OA_ID,
  SANDBOX_TWILIO_SID,
  SANDBOX_TWILIO_TOKEN,
  signedZaloEvent,
  startWebhookTestBed,
  twilioAccountConfig,
  zaloAccessToken,
  zaloAccountConfig,
  type WebhookTestBed,
} from './testing/webhook-test-app';

const ZALO_USER = '5000000000000000001';

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, any>;
}

async function statusOf(bed: WebhookTestBed, rowId: string, status: string) {
  return waitFor(`ledger row ${status}`, async () => {
    const row = await ledgerRow(bed.db, rowId);
    if (row.status !== status) throw new Error(`status ${row.status}`);
    return row;
  });
}

describe('receipts and events the provider sandbox sends, end to end', () => {
  let bed: WebhookTestBed;
  let zalo: { id: string; webhookUrl: string | null };

  beforeAll(async () => {
    bed = await startWebhookTestBed();
    zalo = await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox));
    await connectZaloAccount(bed, zalo.id);
    // The developer console step: the OA's app posts its events to the account's webhook URL.
    bed.sandbox.seed.zalo[0]!.webhookUrl = zalo.webhookUrl!;
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('marks a ZNS delivered from its signed user_received_message, found by tracking_id', async () => {
    const trackingId = `t${randomUUID().replaceAll('-', '').slice(0, 30)}`;
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId: zalo.id,
      channel: 'zns',
      status: 'sending',
      correlationId: trackingId,
      templateRef: '300002',
    });
    const sent = await postJson(
      `${bed.sandbox.urls.zns}/message/template`,
      {
        phone: '84900000011',
        template_id: '300002',
        template_data: { otp: '123456' },
        tracking_id: trackingId,
      },
      { access_token: await zaloAccessToken(bed, zalo.id) },
    );
    expect(sent.error).toBe(0);
    const row = await statusOf(bed, rowId, 'delivered');
    const inbox = bed.sandbox
      .inbox({ channel: 'zns' })
      .find((message) => message.correlationId === trackingId)!;
    expect(row.delivered_at?.getTime()).toBe(Number(inbox.content['delivery_time']));
    expect(row.sent_at).not.toBeNull();
    // Billed at the synced template's price (the sandbox's template 300002 costs 300 VND).
    expect(row).toMatchObject({ cost: '300.0000', cost_currency: 'VND', billable_units: 1 });
  });

  it('syncs the template a change_template_status webhook names', async () => {
    await bed.db.query(
      `UPDATE zns_templates SET status = 'STALE' WHERE account_id = $1 AND template_id = '300003'`,
      [zalo.id],
    );
    const event = signedZaloEvent({
      app_id: SANDBOX_APP_ID,
      oa_id: SANDBOX_OA_ID,
      event_name: 'change_template_status',
      template_id: '300003',
      status: { prev_status: 'REJECT', new_status: 'PENDING_REVIEW' },
      timestamp: String(Date.now()),
    });
    await request(bed.app.getHttpServer())
      .post(`/webhooks/zalo/${zalo.id}`)
      .set('content-type', 'application/json')
      .set('x-zevent-signature', event.signature)
      .send(event.body)
      .expect(200);
    await waitFor('the template synced again', async () => {
      const [template] = (await bed.db.query(
        `SELECT status FROM zns_templates WHERE account_id = $1 AND template_id = '300003'`,
        [zalo.id],
      )) as Array<{ status: string }>;
      if (template?.status !== 'PENDING_REVIEW') throw new Error(`status ${template?.status}`);
    });
  });

  it('takes an OA message to delivered then seen from the sandbox receipts', async () => {
    const sent = await postJson(
      `${bed.sandbox.urls.zaloOa}/v3.0/oa/message/cs`,
      { recipient: { user_id: ZALO_USER }, message: { text: 'Xin chào' } },
      { access_token: await zaloAccessToken(bed, zalo.id) },
    );
    expect(sent.error).toBe(0);
    const messageId = sent.data.message_id as string;
    // The send service records the provider id, then applies receipts that beat it here.
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId: zalo.id,
      channel: 'zalo_oa',
      providerMessageId: messageId,
    });
    await bed.app.get(ReceiptProcessing).applyWaiting({ accountId: zalo.id, ids: [messageId] });
    const row = await statusOf(bed, rowId, 'seen');
    expect(row.delivered_at).not.toBeNull();
    expect(row.seen_at).not.toBeNull();
  });

  it('turns follow, a message, user_submit_info and unfollow into the contact and zalo.* events', async () => {
    const userId = `77${Date.now()}`;
    const phone = `8490${String(Date.now()).slice(-7)}`;
    const existing = await bed.ws.as.admin.post('/contacts').send({ phone, name: 'Khách cũ' }).expect(201);
    const contactId = existing.body.id as string;
    const control = (body: Record<string, unknown>) =>
      postJson(`${bed.sandbox.urls.control}/zalo/user-events`, { oaId: SANDBOX_OA_ID, userId, ...body });

    expect((await control({ event: 'follow', displayName: 'Zalo user' })).webhook).toMatchObject({
      ok: true,
      status: 200,
    });
    await control({ event: 'user_send_text', text: 'Còn hàng không?' });
    await control({
      event: 'user_submit_info',
      info: { name: 'Nguyễn Thị Hoa', phone: `0${phone.slice(2)}`, address: '12 Lý Thái Tổ', city: 'Hà Nội' },
    });
    await waitFor('three Zalo events stored for the contact', async () => {
      const events = (await bed.db.query(
        `SELECT name FROM events WHERE workspace_id = $1 AND anonymous_id = $2`,
        [bed.ws.workspaceId, `zalo:${SANDBOX_OA_ID}:${userId}`],
      )) as Array<{ name: string }>;
      if (events.length < 3) throw new Error(`${events.length} events`);
    });

    const linked = await waitFor('the Zalo user linked to the contact with that phone', async () => {
      const identities = (await bed.db.query(
        `SELECT contact_id, follower, last_interaction_at FROM contact_identities
          WHERE workspace_id = $1 AND oa_id = $2 AND external_user_id = $3`,
        [bed.ws.workspaceId, SANDBOX_OA_ID, userId],
      )) as Array<{ contact_id: string; follower: boolean; last_interaction_at: Date | null }>;
      if (identities[0]?.contact_id !== contactId) throw new Error('not linked yet');
      return identities[0];
    });
    expect(linked.follower).toBe(true);
    expect(linked.last_interaction_at).not.toBeNull();
    const contact = await bed.ws.as.admin.get(`/contacts/${contactId}`).expect(200);
    // The contact's own name stays: the form fills only what the contact lacks.
    expect(contact.body).toMatchObject({ name: 'Khách cũ', phone });
    expect(contact.body.attributes).toMatchObject({ address: '12 Lý Thái Tổ', city: 'Hà Nội' });

    await control({ event: 'unfollow' });
    await waitFor('the contact unfollowed', async () => {
      const [identity] = (await bed.db.query(
        `SELECT follower FROM contact_identities WHERE workspace_id = $1 AND oa_id = $2 AND external_user_id = $3`,
        [bed.ws.workspaceId, SANDBOX_OA_ID, userId],
      )) as Array<{ follower: boolean }>;
      if (identity?.follower !== false) throw new Error('still a follower');
    });
    const stream = await waitFor('the events in the contact stream', async () => {
      const events = (await bed.db.query(
        `SELECT name, properties FROM events
          WHERE workspace_id = $1 AND contact_id = $2 AND processed_seq IS NOT NULL ORDER BY timestamp, seq`,
        [bed.ws.workspaceId, contactId],
      )) as Array<{ name: string; properties: Record<string, unknown> }>;
      if (events.length < 4) throw new Error(`${events.length} processed`);
      return events;
    });
    expect(stream.map((event) => event.name)).toEqual([
      'zalo.follow',
      'zalo.message_received',
      'zalo.user_submit_info',
      'zalo.unfollow',
    ]);
    expect(stream[1]!.properties).toMatchObject({
      text: 'Còn hàng không?',
      oaId: SANDBOX_OA_ID,
      zaloUserId: userId,
    });
  });

  it('applies eSMS GET delivery reports through the tokened callback URL and bills the segments', async () => {
    const esms = await createAccount(bed, 'esms', esmsAccountConfig(bed.sandbox));
    expect(esms.webhookUrl).toMatch(
      new RegExp(`^${bed.publicUrl}/webhooks/esms/${esms.id}\\?token=[A-Za-z0-9_-]{43}$`),
    );
    const requestId = `esms-${randomUUID()}`;
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId: esms.id,
      channel: 'sms',
      status: 'sending',
      correlationId: requestId,
      billableUnits: 2,
    });
    const sent = await postJson(`${bed.sandbox.urls.esms}/SendMultipleMessage_V4_post_json/`, {
      ApiKey: 'sandbox-esms-api-key',
      SecretKey: 'sandbox-esms-secret-key',
      Phone: '0900000011',
      Content: 'Ma xac thuc cua ban la 123456',
      Brandname: 'SANDBOX',
      SmsType: '2',
      IsUnicode: '0',
      RequestId: requestId,
      CallbackUrl: esms.webhookUrl,
    });
    expect(sent.CodeResult).toBe('100');
    const row = await statusOf(bed, rowId, 'delivered');
    expect(row).toMatchObject({ cost: '1040.0000', cost_currency: 'VND', billable_units: 2 });

    const forged = `/webhooks/esms/${esms.id}?SMSID=${sent.SMSID}&SendStatus=4&RequestId=${requestId}`;
    await request(bed.app.getHttpServer()).get(forged).expect(401);
    await request(bed.app.getHttpServer())
      .get(`${forged}&token=${'A'.repeat(43)}`)
      .expect(401);
    expect(
      (await receiptsOf(bed.db, esms.id)).every((receipt) => receipt.kind === 'delivery.delivered'),
    ).toBe(true);
  });

  it('applies signed Twilio status callbacks queued -> sent -> delivered and bills in USD', async () => {
    const twilio = await createAccount(bed, 'twilio', twilioAccountConfig(bed.sandbox));
    expect(twilio.webhookUrl).toBe(`${bed.publicUrl}/webhooks/twilio/${twilio.id}`);
    const response = await fetch(
      `${bed.sandbox.urls.twilio}/2010-04-01/Accounts/${SANDBOX_TWILIO_SID}/Messages.json`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${SANDBOX_TWILIO_SID}:${SANDBOX_TWILIO_TOKEN}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          To: '+84900000011',
          From: 'SANDBOX',
          Body: 'Hello',
          StatusCallback: twilio.webhookUrl!,
        }),
      },
    );
    const sid = ((await response.json()) as { sid: string }).sid;
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId: twilio.id,
      channel: 'sms',
      providerMessageId: sid,
    });
    await bed.app.get(ReceiptProcessing).applyWaiting({ accountId: twilio.id, ids: [sid] });
    const row = await statusOf(bed, rowId, 'delivered');
    expect(row).toMatchObject({ cost: '0.2850', cost_currency: 'USD', billable_units: 1 });

    const form = new URLSearchParams({
      MessageSid: sid,
      MessageStatus: 'failed',
      AccountSid: SANDBOX_TWILIO_SID,
    }).toString();
    await request(bed.app.getHttpServer())
      .post(`/webhooks/twilio/${twilio.id}`)
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('x-twilio-signature', 'bm90IGEgc2lnbmF0dXJl')
      .send(form)
      .expect(401);
    expect((await ledgerRow(bed.db, rowId)).status).toBe('delivered');
  });
});
