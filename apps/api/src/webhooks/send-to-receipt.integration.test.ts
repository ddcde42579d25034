import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SendService } from '../messages/send.service';
import {
  connectZaloAccount,
  createAccount,
  esmsAccountConfig,
  ledgerRow,
  receiptsOf,
  startWebhookTestBed,
  twilioAccountConfig,
  zaloAccountConfig,
  type WebhookTestBed,
} from './testing/webhook-test-app';

async function messageId(db: DataSource, workspaceId: string, idempotencyKey: string): Promise<string> {
  const [row] = (await db.query(`SELECT id FROM messages WHERE workspace_id = $1 AND idempotency_key = $2`, [
    workspaceId,
    idempotencyKey,
  ])) as Array<{ id: string }>;
  if (!row) throw new Error('no ledger row');
  return row.id;
}

describe('a message sent by the send service comes back as a receipt on its ledger row', () => {
  let bed: WebhookTestBed;
  let sends: SendService;

  beforeAll(async () => {
    bed = await startWebhookTestBed();
    sends = bed.app.get(SendService);
  });

  afterAll(async () => {
    await bed?.close();
  });

  const delivered = (id: string, status = 'delivered') =>
    waitFor(`message ${status}`, async () => {
      const row = await ledgerRow(bed.db, id);
      if (row.status !== status) throw new Error(`status ${row.status}`);
      return row;
    });

  it('ZNS: sent -> delivered from the signed sandbox receipt, billed at the template price', async () => {
    const zalo = await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox));
    await connectZaloAccount(bed, zalo.id);
    bed.sandbox.seed.zalo[0]!.webhookUrl = zalo.webhookUrl!;
    const idempotencyKey = `zns-${randomUUID()}`;
    const result = await sends.send({
      workspaceId: bed.ws.workspaceId,
      accountId: zalo.id,
      idempotencyKey,
      purpose: 'transactional',
      to: '84900000011',
      content: { channel: 'zns', templateId: '300002', templateData: { otp: '123456' } },
    });
    expect(result.status).toBe('sent');
    const row = await delivered(await messageId(bed.db, bed.ws.workspaceId, idempotencyKey));
    expect(row).toMatchObject({ cost: '300.0000', cost_currency: 'VND', billable_units: 1 });
  });

  it('eSMS and Twilio: the send names the account webhook as the callback, and the receipts deliver the row', async () => {
    const esms = await createAccount(bed, 'esms', esmsAccountConfig(bed.sandbox));
    const twilio = await createAccount(bed, 'twilio', twilioAccountConfig(bed.sandbox));
    const keys = { esms: `esms-${randomUUID()}`, twilio: `twilio-${randomUUID()}` };
    for (const [account, key, to] of [
      [esms.id, keys.esms, '84900000011'],
      [twilio.id, keys.twilio, '+84900000011'],
    ] as const) {
      const result = await sends.send({
        workspaceId: bed.ws.workspaceId,
        accountId: account,
        idempotencyKey: key,
        purpose: 'otp',
        to,
        content: { channel: 'sms', text: 'Ma xac thuc cua ban la 123456' },
      });
      expect(result.status).toBe('sent');
    }
    const esmsRow = await delivered(await messageId(bed.db, bed.ws.workspaceId, keys.esms));
    expect(esmsRow.cost_currency).toBe('VND');
    const twilioRow = await delivered(await messageId(bed.db, bed.ws.workspaceId, keys.twilio));
    expect(twilioRow.cost_currency).toBe('USD');
  });

  it('eSMS advertising: sendMany sends one request per text to every number; each callback delivers its own row', async () => {
    // Its own callback URL goes nowhere: the test calls the account's webhook itself, one number at a time.
    const ads = await createAccount(bed, 'esms', {
      ...esmsAccountConfig(bed.sandbox),
      smsType: 'advertising',
      callbackUrl: 'http://127.0.0.1:9/esms-callbacks-dropped',
    });
    await bed.ws.as.admin.patch(`/channel-accounts/${ads.id}`).send({ sendRatePerSecond: 100 }).expect(200);
    sends.clock = () => Date.parse('2026-12-01T03:00:00Z'); // 10:00 in Vietnam: inside the advertising SMS window
    const run = randomUUID().slice(0, 8);
    const phones = Array.from(
      { length: 31 },
      (_, i) => `8490${run.replace(/\D/g, '7').slice(0, 4)}${String(i).padStart(3, '0')}`,
    );
    const contactIds: string[] = [];
    for (const phone of phones)
      contactIds.push(
        (
          await bed.ws.as.admin
            .post('/contacts')
            .send({ phone, consents: { sms: { state: 'granted', source: 'form' } } })
            .expect(201)
        ).body.id as string,
      );
    const text = `Giam 30% cuoi tuan ${run}`;
    const inputs = contactIds.map((contactId, i) => ({
      workspaceId: bed.ws.workspaceId,
      accountId: ads.id,
      idempotencyKey: `ads-${run}-${i}`,
      purpose: 'marketing' as const,
      contactId,
      content: { channel: 'sms' as const, text },
    }));
    const shuffled = [...inputs].reverse();
    try {
      const settled = await sends.sendMany(shuffled, 8);
      const results = settled.map((result) => (result.status === 'fulfilled' ? result.value : result.reason));
      expect(results).toEqual(
        shuffled.map(() => ({
          status: 'sent',
          messageId: expect.any(String),
          providerMessageId: expect.any(String),
        })),
      );
      const smsIds = new Set(
        results.map((result) => (result as { providerMessageId: string }).providerMessageId),
      );
      expect(smsIds.size).toBe(1);
      const inbox = bed.sandbox
        .inbox({ channel: 'esms' })
        .filter((message) => message.content.Content === `[QC] ${text}`);
      expect(inbox.map((message) => message.recipient).sort()).toEqual([...phones].sort());

      // The same batch again (an activity retried): the recorded outcomes, nothing sent again.
      const again = await sends.sendMany(shuffled, 8);
      expect(again.map((result) => (result.status === 'fulfilled' ? result.value : result.reason))).toEqual(
        results,
      );
      expect(
        bed.sandbox
          .inbox({ channel: 'esms' })
          .filter((message) => message.content.Content === `[QC] ${text}`),
      ).toHaveLength(31);

      const webhook = new URL(ads.webhookUrl!);
      const callback = (phone: string | undefined) =>
        request(bed.app.getHttpServer())
          .get(webhook.pathname)
          .query({
            token: webhook.searchParams.get('token'),
            SMSID: [...smsIds][0],
            SendStatus: '5',
            TypeId: '1',
            ...(phone !== undefined && { phonenumber: `0${phone.slice(2)}` }),
          })
          .expect(200);
      const statuses = async () =>
        (
          (await bed.db.query(
            `SELECT recipient, status FROM messages WHERE workspace_id = $1 AND account_id = $2 ORDER BY recipient`,
            [bed.ws.workspaceId, ads.id],
          )) as Array<{ recipient: string; status: string }>
        ).map((row) => `${row.recipient} ${row.status}`);
      // A callback that names no number cannot say whose message it is: it settles none of the request's rows.
      await callback(undefined);
      await waitFor('the anonymous callback processed', async () => {
        const open = (await receiptsOf(bed.db, ads.id)).filter((receipt) => receipt.status === 'received');
        if (open.length > 0) throw new Error(`${open.length} open`);
      });
      expect(await statuses()).toEqual(phones.map((phone) => `${phone} sent`).sort());
      await callback(phones[0]!);
      const expected = phones.map((phone, i) => `${phone} ${i === 0 ? 'delivered' : 'sent'}`).sort();
      await waitFor('the first number delivered', async () => {
        const now = await statuses();
        if (!now.includes(`${phones[0]} delivered`)) throw new Error(now.join(', '));
      });
      expect(await statuses()).toEqual(expected);
      for (const phone of phones.slice(1)) await callback(phone);
      await waitFor('every number delivered', async () => {
        const now = await statuses();
        if (now.some((line) => !line.endsWith('delivered'))) throw new Error(now.join(', '));
      });
    } finally {
      sends.clock = Date.now;
    }
  });
});
