import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import type { SendMessageInput } from './send-message.types';
import { SendService } from './send.service';

/** 2026-12-01 10:00 in Vietnam (UTC+7): inside the advertising SMS window. */
const VN_MORNING = Date.parse('2026-12-01T03:00:00Z');

describe('Decree 91 caps count advertising messages per phone number and address, however they were addressed', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let sandbox: RunningSandbox;
  let sends: SendService;
  let speedsmsId: string;
  let smtpId: string;
  let seq = 0;

  beforeAll(async () => {
    sandbox = await startZaloTestSandbox();
    app = await createApp(testConfig({ LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }));
    await app.init();
    ws = await seedTestWorkspace(app);
    sends = app.get(SendService);
    sends.clock = () => VN_MORNING;
    const [speedsms] = sandbox.seed.speedsms;
    const [smtpUser] = sandbox.seed.smtp;
    const smtp = new URL(sandbox.urls.smtp);
    const create = async (kind: string, config: Record<string, unknown>) => {
      const { id } = (
        await ws.as.admin.post('/channel-accounts').send({ kind, name: kind, config }).expect(201)
      ).body as { id: string };
      // The caps are the subject here, not waiting for SpeedSMS's one send a second.
      await ws.as.admin.patch(`/channel-accounts/${id}`).send({ sendRatePerSecond: 100 }).expect(200);
      return id;
    };
    speedsmsId = await create('speedsms', {
      accessToken: speedsms.accessToken,
      sender: speedsms.senders[0],
      smsType: 3,
      baseUrl: sandbox.urls.speedsms,
    });
    smtpId = await create('smtp', {
      host: smtp.hostname,
      port: Number(smtp.port),
      verifyTlsCertificate: false,
      auth: { user: smtpUser.user, pass: smtpUser.pass },
      from: 'Shop Hoa <news@shophoa.vn>',
      messageIdDomain: 'mail.shophoa.vn',
      unsubscribe: { urlTemplate: 'https://loa.example/unsubscribe/{token}' },
    });
  });

  afterAll(async () => {
    await app.close();
    await sandbox.close();
  });

  /** A new 84… mobile number, and the same number as people write it at home and abroad. */
  const newPhone = () => {
    const phone = `8490${String(Date.now() % 100_000).padStart(5, '0')}${String(seq++ % 100).padStart(2, '0')}`;
    return { phone, local: `0${phone.slice(2)}`, international: `+84 ${phone.slice(2)}` };
  };

  const contact = async (write: Record<string, unknown>) =>
    (await ws.as.admin.post('/contacts').send(write).expect(201)).body.id as string;

  const smsConsent = { sms: { state: 'granted', source: 'form' } };

  const advertisingSms = (input: Partial<SendMessageInput>): SendMessageInput => ({
    workspaceId: ws.workspaceId,
    accountId: speedsmsId,
    idempotencyKey: `cap:${randomUUID()}`,
    purpose: 'marketing',
    content: { channel: 'sms', text: 'Giảm 30% hôm nay' },
    campaign: { id: randomUUID() },
    ...input,
  });

  const statuses = async (inputs: SendMessageInput[]) => {
    const results = [];
    for (const input of inputs) results.push((await sends.send(input)).status);
    return results;
  };

  it('counts sends for a contact, then to its phone number alone (written another way), against one cap', async () => {
    const { phone, local } = newPhone();
    const contactId = await contact({ phone, consents: smsConsent });
    expect(await statuses([1, 2, 3].map(() => advertisingSms({ contactId })))).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    expect(await sends.send(advertisingSms({ to: local }))).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
    expect(sandbox.inbox({ channel: 'speedsms', recipient: phone })).toHaveLength(3);
  });

  it('counts sends to a phone number alone, however written, then for the contact that has it, against one cap', async () => {
    const { phone, local, international } = newPhone();
    const contactId = await contact({ phone, consents: smsConsent });
    expect(await statuses([phone, local, international].map((to) => advertisingSms({ to })))).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    expect(await sends.send(advertisingSms({ contactId }))).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
    expect(sandbox.inbox({ channel: 'speedsms', recipient: phone })).toHaveLength(3);
  });

  it('caps a phone number that moved to another contact; the contact that had it stays capped too', async () => {
    const { phone } = newPhone();
    const { phone: newNumber } = newPhone();
    const before = await contact({ phone, consents: smsConsent });
    expect(await statuses([1, 2, 3].map(() => advertisingSms({ contactId: before })))).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    await ws.as.admin.patch(`/contacts/${before}`).send({ phone: newNumber }).expect(200);
    const after = await contact({ phone, consents: smsConsent });
    expect(await sends.send(advertisingSms({ contactId: after }))).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
    // Counted per contact as well: the same person at a new number is not sent a fourth message today.
    expect(await sends.send(advertisingSms({ contactId: before }))).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
    expect(sandbox.inbox({ channel: 'speedsms', recipient: newNumber })).toHaveLength(0);
  });

  it('counts advertising e-mail for a contact against its address written in capitals', async () => {
    const address = `cap-${randomUUID().slice(0, 8)}@example.vn`;
    const contactId = await contact({
      email: address,
      consents: { email: { state: 'granted', source: 'form' } },
    });
    const email = (input: Partial<SendMessageInput>): SendMessageInput => ({
      workspaceId: ws.workspaceId,
      accountId: smtpId,
      idempotencyKey: `cap:${randomUUID()}`,
      purpose: 'marketing',
      content: { channel: 'email', subject: 'Ưu đãi cuối tuần', html: '<p>Giảm 30%</p>' },
      ...input,
    });
    expect(await statuses([1, 2, 3].map(() => email({ contactId })))).toEqual(['sent', 'sent', 'sent']);
    expect(await sends.send(email({ to: address.toUpperCase() }))).toMatchObject({
      status: 'deferred',
      reason: 'frequency_cap',
    });
  });
});
