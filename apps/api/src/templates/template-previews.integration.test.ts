import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { SmsPricesService } from './sms-pricing/sms-prices.service';

const esmsConfig = {
  apiKey: 'esms-api-key-preview',
  secretKey: 'esms-secret-preview',
  brandname: 'SHOPHOA',
  smsType: 'care',
  sandbox: true,
};

describe('template previews render by the engine for a chosen contact, with SMS segments and cost', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let contactId: string;
  let esmsId: string;
  let smtpId: string;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
    const contact = await ws.as.marketer
      .post('/contacts')
      .send({
        name: 'Nguyễn Thị Lan',
        phone: '0912345678',
        email: 'lan@example.test',
        attributes: { city: 'Hà Nội' },
      })
      .expect(201);
    contactId = contact.body.id;
    esmsId = (
      await ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'esms', name: 'eSMS', config: esmsConfig })
        .expect(201)
    ).body.id;
    smtpId = (
      await ws.as.admin
        .post('/channel-accounts')
        .send({
          kind: 'smtp',
          name: 'Mail',
          config: {
            host: 'localhost',
            port: 2525,
            from: 'Shop <shop@example.test>',
            messageIdDomain: 'example.test',
            unsubscribe: { urlTemplate: 'https://example.test/u/{token}' },
          },
        })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('renders a stored e-mail template for a contact and sample event, engine filters included', async () => {
    const template = await ws.as.marketer
      .post('/templates/email')
      .send({
        name: 'Giao hàng',
        subject: 'Chào {{ contact.name | first_name }}, đơn {{ event.orderId }} đã giao',
        preheader: 'Tổng {{ event.total | vnd }}',
        html: '<body><p>{{ contact.city }} · {{ contact.phone }}</p></body>',
        text: 'Tổng {{ event.total | vnd }} · mã {{ contact.voucher }}',
      })
      .expect(201);
    const preview = await ws.as.analyst
      .post(`/templates/email/${template.body.id}/preview`)
      .send({ contactId, event: { orderId: 'DH1024', total: 1250000 } })
      .expect(200);
    expect(preview.body).toEqual({
      subject: 'Chào Lan, đơn DH1024 đã giao',
      preheader: 'Tổng 1.250.000 ₫',
      html: expect.stringMatching(
        /^<body><div style="[^"]*">Tổng 1\.250\.000 ₫<\/div><p>Hà Nội · 84912345678<\/p>/,
      ),
      text: 'Tổng 1.250.000 ₫ · mã ',
      contact: { id: contactId, name: 'Nguyễn Thị Lan' },
      errors: [],
      warnings: [{ field: 'text', message: expect.stringContaining('voucher') }],
    });
  });

  it('previews an unsaved e-mail draft without a contact, and refuses broken Liquid with 422', async () => {
    const preview = await ws.as.marketer
      .post('/templates/email/preview')
      .send({ subject: 'Xin chào {{ contact.name | default: "bạn" }}', html: '<p>Hi</p>' })
      .expect(200);
    expect(preview.body).toMatchObject({
      subject: 'Xin chào bạn',
      html: '<p>Hi</p>',
      text: '',
      contact: null,
    });
    const broken = await ws.as.marketer
      .post('/templates/email/preview')
      .send({ subject: 'Xin chào {{ contact.name' })
      .expect(422);
    expect(broken.body.errors).toEqual([expect.objectContaining({ field: 'subject', line: 1, column: 10 })]);
  });

  it('shows an advertising SMS as the gateway gets it, UCS-2 for Vietnamese, and its cost on the account', async () => {
    const template = await ws.as.marketer
      .post('/templates/sms')
      .send({
        name: 'Sale',
        text: 'Chào {{ contact.name }}, mã {{ event.code }} giảm 50% tại {{ contact.city }}',
        advertising: true,
      })
      .expect(201);
    const path = `/templates/sms/${template.body.id}/preview`;
    const unpriced = await ws.as.readKey
      .post(path)
      .send({ contactId, event: { code: 'SALE50' } })
      .expect(200);
    expect(unpriced.body).toMatchObject({
      text: '[QC] Chào Nguyễn Thị Lan, mã SALE50 giảm 50% tại Hà Nội',
      advertising: true,
      encoding: 'UCS-2',
      characters: 55,
      segments: 1,
      unicode: true,
      cost: null,
      errors: [],
      warnings: [],
    });

    const indicative = await ws.as.marketer
      .post(path)
      .send({ contactId, event: { code: 'SALE50' }, accountId: esmsId });
    expect(indicative.status).toBe(200);
    expect(indicative.body.cost).toEqual({
      accountId: esmsId,
      currency: 'VND',
      perSegment: 520,
      source: 'default',
      segments: 1,
      total: 520,
    });

    await ws.as.admin.put(`/channel-accounts/${esmsId}/sms-pricing`).send({ perSegment: 685.5 }).expect(200);
    const long = await ws.as.marketer
      .post('/templates/sms/preview')
      .send({
        text: `{{ event.note }}`,
        advertising: false,
        event: { note: 'ơ'.repeat(140) },
        accountId: esmsId,
      })
      .expect(200);
    expect(long.body).toMatchObject({ encoding: 'UCS-2', characters: 140, segments: 3, contact: null });
    expect(long.body.cost).toEqual({
      accountId: esmsId,
      currency: 'VND',
      perSegment: 685.5,
      source: 'account',
      segments: 3,
      total: 2056.5,
    });
    const gsm = await ws.as.marketer
      .post('/templates/sms/preview')
      .send({ text: 'x'.repeat(160), advertising: false })
      .expect(200);
    expect(gsm.body).toMatchObject({ encoding: 'GSM-7', characters: 160, segments: 1 });
  });

  it('refuses a cost estimate on an account that sends no SMS, and 404s accounts and contacts of others', async () => {
    const refused = await ws.as.marketer
      .post('/templates/sms/preview')
      .send({ text: 'Hi', accountId: smtpId })
      .expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'accountId' })]);
    const theirs = await other.as.admin
      .post('/channel-accounts')
      .send({ kind: 'esms', name: 'Theirs', config: esmsConfig })
      .expect(201);
    await ws.as.marketer
      .post('/templates/sms/preview')
      .send({ text: 'Hi', accountId: theirs.body.id })
      .expect(404);
    await other.as.admin.post('/templates/sms/preview').send({ text: 'Hi', contactId }).expect(404);
  });

  it('lets admins alone set an SMS price, which the send service reads through the same lookup', async () => {
    await ws.as.marketer.put(`/channel-accounts/${esmsId}/sms-pricing`).send({ perSegment: 1 }).expect(403);
    const refused = await ws.as.admin
      .put(`/channel-accounts/${esmsId}/sms-pricing`)
      .send({ currency: 'vnd', perSegment: -1 })
      .expect(422);
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'currency',
      'perSegment',
    ]);
    await ws.as.admin.put(`/channel-accounts/${smtpId}/sms-pricing`).send({ perSegment: 1 }).expect(422);
    await ws.as.admin
      .put(`/channel-accounts/${esmsId}/sms-pricing`)
      .send({ currency: 'VND', perSegment: 540 })
      .expect(200, { accountId: esmsId, currency: 'VND', perSegment: 540, source: 'account' });
    await ws.as.analyst
      .get(`/channel-accounts/${esmsId}/sms-pricing`)
      .expect(200, { accountId: esmsId, currency: 'VND', perSegment: 540, source: 'account' });
    expect(await app.get(SmsPricesService).priceFor(ws.workspaceId, esmsId)).toEqual({
      accountId: esmsId,
      currency: 'VND',
      perSegment: 540,
      source: 'account',
    });
    expect(await app.get(SmsPricesService).priceFor(ws.workspaceId, smtpId)).toBeNull();
    await other.as.admin.get(`/channel-accounts/${esmsId}/sms-pricing`).expect(404);
  });
});
