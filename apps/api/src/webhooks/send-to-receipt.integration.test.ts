import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import { DataSource } from 'typeorm';
import { SendService } from '../messages/send.service';
import {
  connectZaloAccount,
  createAccount,
  esmsAccountConfig,
  ledgerRow,
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
});
