import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { SEND_ERROR_TYPES, sendIdempotencyKey } from '@loa/engine';
import { DataSource } from 'typeorm';
import {
  sandboxEsmsConfig,
  nextVietnamMorning,
  sandboxSmtpConfig,
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { SendRecoveryService } from './send-recovery.service';
import type { SendMessageInput } from './send-message.types';
import { MAX_RATE_WAIT_MS, SendService } from './send.service';

/** 2026-12-01 10:00 and 23:00 in Vietnam (UTC+7). */
const VN_MORNING = Date.parse('2026-12-01T03:00:00Z');
const VN_NIGHT = Date.parse('2026-12-01T16:00:00Z');

describe('the send service writes the ledger, guards every send and sends once', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;
  let sandbox: RunningSandbox;
  let sends: SendService;
  let esmsId: string;
  let speedsmsId: string;
  let smtpId: string;
  let oaId: string;
  let keySeq = 0;
  const key = (label: string) => `test:${label}:${Date.now()}:${keySeq++}`;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws } = bed);
    other = await seedTestWorkspace(app, 'Other workspace');
    db = app.get(DataSource);
    sends = app.get(SendService);
    const [speedsms] = sandbox.seed.speedsms;
    const create = async (kind: string, name: string, config: Record<string, unknown>) =>
      (await ws.as.admin.post('/channel-accounts').send({ kind, name, config }).expect(201)).body
        .id as string;
    esmsId = await create('esms', 'eSMS CSKH', sandboxEsmsConfig(sandbox));
    speedsmsId = await create('speedsms', 'SpeedSMS', {
      accessToken: speedsms.accessToken,
      sender: speedsms.senders[0],
      smsType: 3,
      baseUrl: sandbox.urls.speedsms,
    });
    smtpId = await create('smtp', 'Mail', sandboxSmtpConfig(sandbox));
    oaId = await create('zalo_oa', 'Zalo OA', sandboxZaloConfig(sandbox));
    await ws.as.admin.get(await startAndConsent(ws.as.admin, oaId)).expect(200);
    // The tests are about guards and the ledger, not about waiting for SpeedSMS's one send a second.
    for (const id of [esmsId, speedsmsId, smtpId, oaId]) {
      const changed = await ws.as.admin
        .patch(`/channel-accounts/${id}`)
        .send({ sendRatePerSecond: 100 })
        .expect(200);
      expect(changed.body.sendRatePerSecond).toBe(100);
    }
  });

  afterEach(() => {
    sandbox.clearFaults();
    sandbox.setNow(Date.now);
    sends.clock = Date.now;
  });

  afterAll(() => bed.close());

  let phoneSeq = 0;
  const newPhone = () =>
    `8490${String(Date.now() % 100_000).padStart(5, '0')}${String(phoneSeq++ % 100).padStart(2, '0')}`;

  const contact = async (write: Record<string, unknown>) =>
    (await ws.as.admin.post('/contacts').send(write).expect(201)).body.id as string;

  const row = async (workspaceId: string, idempotencyKey: string) =>
    (
      await db.query(`SELECT * FROM messages WHERE workspace_id = $1 AND idempotency_key = $2`, [
        workspaceId,
        idempotencyKey,
      ])
    )[0];

  const sms = (input: Partial<SendMessageInput> & { to?: string }): SendMessageInput => ({
    workspaceId: ws.workspaceId,
    accountId: esmsId,
    idempotencyKey: key('sms'),
    purpose: 'transactional',
    content: { channel: 'sms', text: 'Đơn hàng DH1024 đã được giao' },
    ...input,
  });

  const email = (input: Partial<SendMessageInput>): SendMessageInput => ({
    workspaceId: ws.workspaceId,
    accountId: smtpId,
    idempotencyKey: key('email'),
    purpose: 'marketing',
    content: { channel: 'email', subject: 'Ưu đãi cuối tuần', html: '<p>Giảm 30%</p>' },
    ...input,
  });

  it('writes the row before the provider is called, records the outcome, and answers a repeated key from it', async () => {
    const phone = newPhone();
    const input = sms({ to: phone });
    const first = await sends.send(input);
    expect(first).toMatchObject({
      status: 'sent',
      messageId: expect.any(String),
      providerMessageId: expect.any(String),
    });
    const stored = await row(ws.workspaceId, input.idempotencyKey);
    expect(stored).toMatchObject({
      status: 'sent',
      channel: 'sms',
      purpose: 'transactional',
      account_id: esmsId,
      recipient: phone,
      request: null,
    });
    expect(stored.correlation_id).toBeTruthy();
    expect(stored.provider_message_id).toBe((first as { providerMessageId: string }).providerMessageId);

    const again = await sends.send(input);
    expect(again).toEqual(first);
    expect(sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(1);
  });

  it('records and sends a message under the longest idempotency key a journey makes', async () => {
    const idempotencyKey = sendIdempotencyKey(
      `journey:${'w'.repeat(202)}`,
      's'.repeat(64),
      9999,
      randomUUID(),
    );
    expect(idempotencyKey.length).toBeGreaterThan(300);
    const input = sms({ to: newPhone(), idempotencyKey });
    const sent = await sends.send(input);
    expect(sent).toMatchObject({ status: 'sent' });
    expect(await sends.send(input)).toEqual(sent);
    expect(await row(ws.workspaceId, idempotencyKey)).toMatchObject({ status: 'sent' });
  });

  it('blocks a do-not-contact contact on every purpose, OTP included, and records why', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone, doNotContact: true });
    for (const purpose of ['otp', 'transactional', 'marketing'] as const) {
      const input = sms({ contactId, purpose });
      expect(await sends.send(input)).toMatchObject({ status: 'blocked', reason: 'do_not_contact' });
      expect(await row(ws.workspaceId, input.idempotencyKey)).toMatchObject({
        status: 'blocked',
        reason: 'do_not_contact',
        contact_id: contactId,
      });
    }
    // An address typed in by hand is checked against the contacts too.
    expect(await sends.send(sms({ to: `0${phone.slice(2)}` }))).toMatchObject({ reason: 'do_not_contact' });
    expect(sandbox.inbox({ channel: 'esms', recipient: phone })).toHaveLength(0);
  });

  it('sends marketing e-mail only with consent given, with a one-click unsubscribe URL that hides the address', async () => {
    const unknown = await contact({ email: `unknown-${keySeq}@example.vn` });
    expect(await sends.send(email({ contactId: unknown }))).toMatchObject({
      status: 'blocked',
      reason: 'no_consent',
    });
    const denied = await contact({
      email: `denied-${keySeq}@example.vn`,
      consents: { email: { state: 'denied', source: 'form' } },
    });
    expect(await sends.send(email({ contactId: denied }))).toMatchObject({
      status: 'blocked',
      reason: 'opted_out',
    });
    // Transactional mail is what the contact asked for: consent does not hold it back.
    expect(
      await sends.send(
        email({
          contactId: denied,
          purpose: 'transactional',
          content: { channel: 'email', subject: 'Hóa đơn', text: 'Hóa đơn DH1024' },
        }),
      ),
    ).toMatchObject({ status: 'sent' });

    const address = `granted-${keySeq}@example.vn`;
    const granted = await contact({
      email: address,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    expect(await sends.send(email({ contactId: granted }))).toMatchObject({ status: 'sent' });
    const [mail] = sandbox.inbox({ channel: 'smtp', recipient: address });
    const headers = JSON.stringify(mail.content);
    const url = /https:\/\/loa\.example\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(headers);
    expect(url).not.toBeNull();
    const token = url![1];
    expect(token).not.toContain('granted');
    expect(headers).toContain('List-Unsubscribe=One-Click');

    const page = await ws.as.anonymous.get(`/unsubscribe/${token}`).expect(200);
    expect(page.text).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(page.text).not.toContain(address);
    await ws.as.anonymous
      .post(`/unsubscribe/${token}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const after = await ws.as.admin.get(`/contacts/${granted}`).expect(200);
    expect(after.body.consents.email).toMatchObject({ state: 'denied', source: 'one_click_unsubscribe' });
    const [audit] = await db.query(
      `SELECT action FROM audit_log WHERE workspace_id = $1 AND target_id = $2 AND action = 'contact.unsubscribed'`,
      [ws.workspaceId, granted],
    );
    expect(audit).toBeDefined();
    expect(await sends.send(email({ contactId: granted }))).toMatchObject({
      status: 'blocked',
      reason: 'opted_out',
    });
    await ws.as.anonymous.post(`/unsubscribe/${token}`).type('form').send('something=else').expect(400);
    const unknownToken = await ws.as.anonymous
      .get('/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .expect(200);
    expect(unknownToken.text).toContain('not valid');

    // A link from a mail sent before its contact was merged unsubscribes the contact it was merged into.
    const survivor = await contact({
      email: `survivor-${keySeq}@example.vn`,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    const mergedAddress = `merged-${keySeq}@example.vn`;
    const merged = await contact({
      email: mergedAddress,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    expect(await sends.send(email({ contactId: merged }))).toMatchObject({ status: 'sent' });
    const [mergedMail] = sandbox.inbox({ channel: 'smtp', recipient: mergedAddress });
    const mergedToken = /https:\/\/loa\.example\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(
      JSON.stringify(mergedMail.content),
    )![1];
    await db.query(`UPDATE contacts SET merged_into = $2 WHERE id = $1`, [merged, survivor]);
    const done = await ws.as.anonymous
      .post(`/unsubscribe/${mergedToken}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).not.toContain(survivor);
    const survivorAfter = await ws.as.admin.get(`/contacts/${survivor}`).expect(200);
    expect(survivorAfter.body.consents.email).toMatchObject({
      state: 'denied',
      source: 'one_click_unsubscribe',
    });
  });

  it('caps marketing e-mail at 3 per contact per 24 h across campaigns (Decree 91); transactional mail is not capped', async () => {
    const contactId = await contact({
      email: `capped-${keySeq}@example.vn`,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    for (let campaign = 0; campaign < 3; campaign += 1)
      expect(await sends.send(email({ contactId, campaign: { id: randomUUID() } }))).toMatchObject({
        status: 'sent',
      });
    const fourth = email({ contactId, campaign: { id: randomUUID() } });
    const deferred = await sends.send(fourth);
    expect(deferred).toMatchObject({ status: 'deferred', reason: 'frequency_cap' });
    const [oldest] = await db.query(
      // Counted from when each went out, not from when it was first tried.
      `SELECT min(sent_at) AS at FROM messages WHERE contact_id = $1 AND status = 'sent'`,
      [contactId],
    );
    expect((deferred as { retryAtMs: number }).retryAtMs).toBe(oldest.at.getTime() + 86_400_000);
    expect(await row(ws.workspaceId, fourth.idempotencyKey)).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
    // The same key answers the same deferral until it lifts.
    expect(await sends.send(fourth)).toMatchObject({ status: 'deferred', reason: 'frequency_cap' });
    expect(await sends.send(email({ contactId, purpose: 'transactional' }))).toMatchObject({
      status: 'sent',
    });
    // A campaign's own, stricter cap counts the same ledger.
    const zero = await contact({
      email: `strict-${keySeq}@example.vn`,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    const strict = {
      frequencyCaps: [{ channel: 'email' as const, max: 1, per: { amount: 1, unit: 'hours' as const } }],
    };
    expect(await sends.send(email({ contactId: zero, settings: strict }))).toMatchObject({ status: 'sent' });
    expect(await sends.send(email({ contactId: zero, settings: strict }))).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
  });

  it('holds advertising SMS outside 07:00–22:00 Vietnam time and in quiet hours; OTP goes at once', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone, consents: { sms: { state: 'granted', source: 'form' } } });
    sends.clock = () => VN_NIGHT;
    const night = await sends.send(sms({ contactId, accountId: speedsmsId, purpose: 'marketing' }));
    expect(night).toMatchObject({
      status: 'deferred',
      reason: 'advertising_sms_window',
      retryAtMs: Date.parse('2026-12-02T00:00:00Z'),
    });
    expect(
      await sends.send(
        sms({ contactId, purpose: 'otp', content: { channel: 'sms', text: 'Mã OTP 123456' } }),
      ),
    ).toMatchObject({
      status: 'sent',
    });
    sends.clock = () => VN_MORNING;
    const quiet = { quietHours: { start: '09:00', end: '11:00' } };
    expect(
      await sends.send(sms({ contactId, accountId: speedsmsId, purpose: 'marketing', settings: quiet })),
    ).toMatchObject({
      status: 'deferred',
      reason: 'quiet_hours',
      retryAtMs: Date.parse('2026-12-01T04:00:00Z'),
    });
    expect(
      await sends.send(
        sms({
          contactId,
          accountId: speedsmsId,
          purpose: 'marketing',
          content: { channel: 'sms', text: 'Giảm 30% hôm nay' },
        }),
      ),
    ).toMatchObject({
      status: 'sent',
    });
  });

  it('sends nothing from a disabled or unconnected account, and says so', async () => {
    await ws.as.admin.patch(`/channel-accounts/${speedsmsId}`).send({ disabled: true }).expect(200);
    // A process reuses an account's opened configuration for up to 2 s; this test does not wait for that.
    sends.sendingAccounts.forget();
    try {
      const phone = newPhone();
      const input = sms({ to: phone, accountId: speedsmsId });
      expect(await sends.send(input)).toMatchObject({ status: 'failed', errorCode: 'loa_account_disabled' });
      expect(await row(ws.workspaceId, input.idempotencyKey)).toMatchObject({
        status: 'failed',
        error_class: 'permanent',
        error_code: 'loa_account_disabled',
      });
      expect(sandbox.inbox({ channel: 'speedsms' }).filter((m) => m.recipient === phone)).toHaveLength(0);
    } finally {
      await ws.as.admin.patch(`/channel-accounts/${speedsmsId}`).send({ disabled: false }).expect(200);
      sends.sendingAccounts.forget();
    }
  });

  it('returns permanent provider failures as values and throws transient ones as the engine error types', async () => {
    const [esms] = sandbox.seed.esms;
    expect(esms).toBeDefined();
    const phone = newPhone();
    sandbox.addFault({ channel: 'esms', recipients: [phone], errorRate: 1, code: '99' });
    const blocked = sms({ to: phone });
    expect(await sends.send(blocked)).toMatchObject({ status: 'failed', errorCode: '99' });
    expect(await row(ws.workspaceId, blocked.idempotencyKey)).toMatchObject({
      status: 'failed',
      error_class: 'permanent',
    });
    sandbox.clearFaults();
    expect(await sends.send(blocked)).toMatchObject({ status: 'failed', errorCode: '99' });

    sandbox.addFault({ channel: 'esms', recipients: [phone], errorRate: 1, code: 503 });
    const transient = sms({ to: phone });
    await expect(sends.send(transient)).rejects.toMatchObject({ name: SEND_ERROR_TYPES.retryable });
    expect(await row(ws.workspaceId, transient.idempotencyKey)).toMatchObject({
      status: 'failed',
      error_class: 'retryable',
    });
    sandbox.clearFaults();
    expect(await sends.send(transient)).toMatchObject({ status: 'sent' });
    expect(await row(ws.workspaceId, transient.idempotencyKey)).toMatchObject({
      status: 'sent',
      error_class: null,
    });
  });

  it('resolves rows a crash left sending: marketing is not resent, transactional is; both counted', async () => {
    const recovery = app.get(SendRecoveryService);
    const before = (await ws.as.analyst.get('/messages/recovery-counts').expect(200)).body;
    const contactId = await contact({
      email: `crash-${keySeq}@example.vn`,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    const marketing = email({ contactId });
    const transactionalPhone = newPhone();
    const transactional = sms({ to: transactionalPhone });
    for (const input of [marketing, transactional])
      await db.query(
        `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, contact_id, recipient, status,
                               request, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'sending', $8, now() - interval '10 minutes', now() - interval '10 minutes')`,
        [
          ws.workspaceId,
          input.idempotencyKey,
          input.content.channel,
          input.purpose,
          input.accountId,
          input.contactId ?? null,
          input.to ?? `crash-${keySeq}@example.vn`,
          JSON.stringify(input),
        ],
      );
    await recovery.resolveStale();
    expect(await row(ws.workspaceId, marketing.idempotencyKey)).toMatchObject({
      status: 'unknown',
      recovery: 'not_resent',
      request: null,
    });
    expect(await row(ws.workspaceId, transactional.idempotencyKey)).toMatchObject({
      status: 'sent',
      recovery: 'resent',
      request: null,
    });
    expect(sandbox.inbox({ channel: 'esms', recipient: transactionalPhone })).toHaveLength(1);
    expect(await sends.send(marketing)).toMatchObject({ status: 'failed', errorCode: 'loa_outcome_unknown' });
    const after = (await ws.as.analyst.get('/messages/recovery-counts').expect(200)).body;
    expect(after).toEqual({ resent: before.resent + 1, notResent: before.notResent + 1 });
  });

  it('answers a send already in flight under the same key with a retryable error, never a second send', async () => {
    const input = sms({ to: newPhone() });
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, recipient, status)
       VALUES ($1, $2, 'sms', 'transactional', $3, $4, 'sending')`,
      [ws.workspaceId, input.idempotencyKey, esmsId, input.to],
    );
    await expect(sends.send(input)).rejects.toMatchObject({ name: SEND_ERROR_TYPES.retryable });
    expect(sandbox.inbox({ channel: 'esms', recipient: input.to })).toHaveLength(0);
  });

  it('serves the ledger read-only with filters and cursor pages, per workspace', async () => {
    const contactId = await contact({ phone: newPhone() });
    const campaignId = randomUUID();
    const keys: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const input = sms({ contactId, campaign: { id: campaignId, stepId: 'send_1' } });
      keys.push(input.idempotencyKey);
      await sends.send(input);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        body: { items: Array<{ idempotencyKey: string; contactId: string }>; nextCursor: string | null };
      } = await ws.as.analyst
        .get('/messages')
        .query({ contactId, limit: 2, ...(cursor && { cursor }) })
        .expect(200);
      seen.push(...page.body.items.map((item) => item.idempotencyKey));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...keys].reverse());
    const filtered = await ws.as.analyst
      .get('/messages')
      .query({ campaignId, status: 'sent', channel: 'sms', accountId: esmsId })
      .expect(200);
    expect(filtered.body.items.length).toBeGreaterThanOrEqual(5);
    const one = filtered.body.items[0];
    expect((await ws.as.readKey.get(`/messages/${one.id}`).expect(200)).body).toMatchObject({
      id: one.id,
      status: 'sent',
      stepId: 'send_1',
    });
    await other.as.admin.get(`/messages/${one.id}`).expect(404);
    expect((await other.as.admin.get('/messages').query({ contactId }).expect(200)).body.items).toEqual([]);
    await ws.as.analyst.get('/messages').query({ cursor: 'not-a-cursor' }).expect(422);
  });

  it('sends a test message from an account through the ledger (admins only)', async () => {
    const phone = newPhone();
    const sent = await ws.as.admin
      .post(`/channel-accounts/${esmsId}/test-message`)
      .send({ to: phone, text: 'Tin nhắn thử' })
      .expect(200);
    expect(sent.body).toMatchObject({ status: 'sent', messageId: expect.any(String) });
    const view = (await ws.as.admin.get(`/messages/${sent.body.messageId}`).expect(200)).body;
    expect(view).toMatchObject({
      purpose: 'transactional',
      recipient: phone,
      status: 'sent',
      accountId: esmsId,
    });
    const mail = await ws.as.admin
      .post(`/channel-accounts/${smtpId}/test-message`)
      .send({ to: `test-${keySeq}@example.vn` })
      .expect(200);
    expect(mail.body.status).toBe('sent');
    await ws.as.marketer.post(`/channel-accounts/${esmsId}/test-message`).send({ to: phone }).expect(403);
    await ws.as.admin
      .post(`/channel-accounts/${esmsId}/test-message`)
      .send({ to: phone, channel: 'email' })
      .expect(422);
  });

  it('leaves no address in the ledger when the contact is erased', async () => {
    const phone = newPhone();
    const contactId = await contact({ phone });
    const input = sms({ contactId });
    await sends.send(input);
    expect((await row(ws.workspaceId, input.idempotencyKey)).recipient).toBe(phone);
    await ws.as.admin.delete(`/contacts/${contactId}`).expect(204);
    expect(await row(ws.workspaceId, input.idempotencyKey)).toMatchObject({
      status: 'sent',
      recipient: null,
    });
    const leftovers = await db.query(`SELECT count(*)::int AS n FROM messages WHERE recipient = $1`, [phone]);
    expect(leftovers[0].n).toBe(0);
  });

  const zns = (input: Partial<SendMessageInput>): SendMessageInput => {
    const template = sandbox.seed.zalo[0].oas[0].templates.find((t) => t.status === 'ENABLE')!;
    return {
      workspaceId: ws.workspaceId,
      accountId: oaId,
      idempotencyKey: key('zns'),
      purpose: 'transactional',
      content: {
        channel: 'zns',
        templateId: template.templateId,
        templateData: Object.fromEntries(template.params.map((param) => [param.name, 'DH1024'])),
      },
      ...input,
    };
  };

  const vietnamMorning = () => nextVietnamMorning();

  it('sends ZNS through the connected OA (token from the PostgreSQL store) and records the template', async () => {
    sandbox.setNow(vietnamMorning);
    const phone = newPhone();
    const input = zns({ to: phone });
    const result = await sends.send(input);
    expect(result).toMatchObject({ status: 'sent', providerMessageId: expect.any(String) });
    const stored = await row(ws.workspaceId, input.idempotencyKey);
    expect(stored).toMatchObject({ channel: 'zns', status: 'sent', recipient: phone });
    expect(stored.template_ref).toBe((input.content as { templateId: string }).templateId);
    expect(sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
    expect(await sends.send(input)).toEqual(result);
    expect(sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
  });

  it("defers ZNS that Zalo refuses at night, as the engine's outside-allowed-hours error with the opening time", async () => {
    sandbox.setNow(() => vietnamMorning() - 7 * 3_600_000); // 23:30 in Vietnam
    const input = zns({ to: newPhone() });
    const error = (await sends.send(input).catch((failure: unknown) => failure)) as {
      name: string;
      retryAtMs: number;
    };
    expect(error.name).toBe(SEND_ERROR_TYPES.outsideAllowedHours);
    expect(error.retryAtMs).toBeGreaterThan(vietnamMorning() - 7 * 3_600_000);
    expect(await row(ws.workspaceId, input.idempotencyKey)).toMatchObject({
      status: 'deferred',
      error_class: 'outside_window',
    });
  });

  it('waits for its turn under the account send-rate limit instead of failing', async () => {
    await ws.as.admin.patch(`/channel-accounts/${speedsmsId}`).send({ sendRatePerSecond: 2 }).expect(200);
    sends.sendingAccounts.forget();
    try {
      const phones = Array.from({ length: 5 }, () => newPhone());
      const results = await Promise.all(
        phones.map((phone) => sends.send(sms({ to: phone, accountId: speedsmsId }))),
      );
      expect(results.map((result) => result.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    } finally {
      await ws.as.admin.patch(`/channel-accounts/${speedsmsId}`).send({ sendRatePerSecond: 100 }).expect(200);
      sends.sendingAccounts.forget();
    }
  });

  it('defers a send whose rate turn is further away than the bound, and sends it once when called again', async () => {
    const [speedsms] = sandbox.seed.speedsms;
    const config = { accessToken: speedsms.accessToken, sender: speedsms.senders[0], smsType: 3 };
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'speedsms', name: 'SpeedSMS 1/s', config: { ...config, baseUrl: sandbox.urls.speedsms } })
      .expect(201);
    const accountId = created.body.id as string;
    await ws.as.admin.patch(`/channel-accounts/${accountId}`).send({ sendRatePerSecond: 1 }).expect(200);
    // A 1-per-second account and a 2 s bound: of 6 queued sends, the turns 0, 1 and 2 s away wait, the others defer.
    sends.maxRateWaitMs = 2_000;
    try {
      const inputs = Array.from({ length: 6 }, () => sms({ to: newPhone(), accountId }));
      const first = await Promise.all(inputs.map((input) => sends.send(input)));
      const deferred = first.flatMap((result, index) =>
        result.status === 'deferred' ? [{ result, input: inputs[index] }] : [],
      );
      expect(first.filter((result) => result.status === 'sent')).toHaveLength(3);
      expect(deferred).toHaveLength(3);
      for (const { result, input } of deferred) {
        expect(result).toMatchObject({ reason: 'send_rate' });
        const stored = await row(ws.workspaceId, input.idempotencyKey);
        expect(stored).toMatchObject({ status: 'deferred', reason: 'send_rate' });
        expect(stored.retry_at.getTime()).toBe((result as { retryAtMs: number }).retryAtMs);
        // Called again before its turn: still deferred, nothing sent.
        expect(await sends.send(input)).toMatchObject({ status: 'deferred', reason: 'send_rate' });
      }
      // Called again at its turn (as the journey does), each goes out once, without waiting for another turn.
      const again = await Promise.all(
        deferred.map(async ({ result, input }) => {
          const retryAtMs = (result as { retryAtMs: number }).retryAtMs;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAtMs - Date.now())));
          return [await sends.send(input), await sends.send(input)];
        }),
      );
      for (const [index, [sent, repeated]] of again.entries()) {
        expect(sent).toMatchObject({ status: 'sent' });
        expect(repeated).toEqual(sent);
        const { input } = deferred[index];
        expect(sandbox.inbox({ channel: 'speedsms', recipient: input.to })).toHaveLength(1);
      }
    } finally {
      sends.maxRateWaitMs = MAX_RATE_WAIT_MS;
    }
  });

  it('settles an unreadable provider answer as a crash would: marketing not resent, transactional resent', async () => {
    sandbox.setNow(vietnamMorning);
    sandbox.addFault({ channel: 'zns', errorRate: 1, code: 'unreadable' });
    const marketing = zns({ to: newPhone(), purpose: 'marketing' });
    expect(await sends.send(marketing)).toMatchObject({ status: 'failed', errorCode: 'loa_outcome_unknown' });
    expect(await row(ws.workspaceId, marketing.idempotencyKey)).toMatchObject({
      status: 'unknown',
      recovery: 'not_resent',
      error_class: 'outcome_unknown',
      error_code: 'loa_unreadable_answer',
    });

    const transactional = zns({ to: newPhone() });
    await expect(sends.send(transactional)).rejects.toMatchObject({ name: SEND_ERROR_TYPES.retryable });
    expect(await row(ws.workspaceId, transactional.idempotencyKey)).toMatchObject({
      status: 'failed',
      error_class: 'outcome_unknown',
    });
    sandbox.clearFaults();
    expect(await sends.send(marketing)).toMatchObject({ status: 'failed', errorCode: 'loa_outcome_unknown' });
    expect(sandbox.inbox({ channel: 'zns', recipient: marketing.to! })).toHaveLength(0);
    expect(await sends.send(transactional)).toMatchObject({ status: 'sent' });
    expect(await row(ws.workspaceId, transactional.idempotencyKey)).toMatchObject({
      status: 'sent',
      recovery: 'resent',
    });
  });

  it('holds marketing ZNS once the OA quota is used up, until it resets', async () => {
    sandbox.setNow(vietnamMorning);
    const phone = newPhone();
    sandbox.addFault({ channel: 'zns', recipients: [phone], errorRate: 1, code: -144 });
    const error = (await sends.send(zns({ to: phone })).catch((failure: unknown) => failure)) as {
      name: string;
      retryAtMs: number;
    };
    expect(error.name).toBe(SEND_ERROR_TYPES.quotaExhausted);
    sandbox.clearFaults();
    const contactId = await contact({ phone: newPhone() });
    const held = await sends.send(zns({ contactId, purpose: 'marketing' }));
    expect(held).toMatchObject({ status: 'deferred', reason: 'zns_quota', retryAtMs: error.retryAtMs });
    // Transactional ZNS is not held by Loa; Zalo itself decides.
    expect(await sends.send(zns({ contactId }))).toMatchObject({ status: 'sent' });
  });
});
