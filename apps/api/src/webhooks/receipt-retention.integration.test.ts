import { randomUUID } from 'node:crypto';
import { ReceiptSweeper } from './receipt-sweeper';
import {
  createAccount,
  startWebhookTestBed,
  zaloAccountConfig,
  type WebhookTestBed,
} from './testing/webhook-test-app';

describe('webhook receipts are kept for the retention period, then deleted', () => {
  let bed: WebhookTestBed;
  let accountId: string;

  beforeAll(async () => {
    bed = await startWebhookTestBed({ LOA_WEBHOOK_RECEIPT_RETENTION_DAYS: '20' });
    accountId = (await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox))).id;
  });

  afterAll(async () => {
    await bed?.close();
  });

  const insert = async (status: string, daysAgo: number): Promise<string> => {
    const [row] = (await bed.db.query(
      `INSERT INTO webhook_receipts (workspace_id, account_id, provider, dedupe_key, payload, status, received_at,
                                     processed_at, next_attempt_at)
       VALUES ($1, $2, 'zalo', $3, '{}', $4, now() - make_interval(days => $5),
               CASE WHEN $4 IN ('applied', 'ignored') THEN now() - make_interval(days => $5) END,
               CASE WHEN $4 = 'waiting' THEN now() + interval '1 hour' END)
       RETURNING id::text AS id`,
      [bed.ws.workspaceId, accountId, randomUUID(), status, daysAgo],
    )) as Array<{ id: string }>;
    return row!.id;
  };

  it('deletes applied and ignored receipts older than LOA_WEBHOOK_RECEIPT_RETENTION_DAYS, in batches, and keeps the rest', async () => {
    const old = [await insert('applied', 21), await insert('applied', 25), await insert('ignored', 40)];
    const kept = [
      await insert('applied', 19),
      await insert('ignored', 1),
      await insert('waiting', 60),
      await insert('received', 60),
    ];
    const sweeper = bed.app.get(ReceiptSweeper);
    expect(await sweeper.prune({ batchSize: 1, batches: 1 })).toBeLessThanOrEqual(1);
    await sweeper.prune({ batchSize: 2 });
    const left = (
      (await bed.db.query(`SELECT id::text AS id FROM webhook_receipts WHERE id = ANY($1::bigint[])`, [
        [...old, ...kept],
      ])) as Array<{ id: string }>
    ).map((row) => row.id);
    expect(left.sort()).toEqual([...kept].sort());
  });
});
