import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import request from 'supertest';
import { ReceiptProcessing } from './receipt-processing.service';
import { ReceiptSweeper } from './receipt-sweeper';
import {
  createAccount,
  insertLedgerRow,
  ledgerRow,
  receiptsOf,
  SANDBOX_APP_ID,
  SANDBOX_OA_ID,
  signedZaloEvent,
  startWebhookTestBed,
  zaloAccountConfig,
  type WebhookTestBed,
} from './testing/webhook-test-app';

const USER_ID = '5000000000000000001';

function received(msgId: string, at: number, trackingId?: string) {
  return {
    app_id: SANDBOX_APP_ID,
    sender: { id: SANDBOX_OA_ID },
    recipient: { id: USER_ID },
    event_name: 'user_received_message',
    message: { msg_id: msgId, ...(trackingId ? { tracking_id: trackingId } : {}), delivery_time: String(at) },
    timestamp: String(at + 5),
  };
}

function seen(msgId: string, at: number) {
  return {
    app_id: SANDBOX_APP_ID,
    sender: { id: SANDBOX_OA_ID },
    recipient: { id: USER_ID },
    event_name: 'user_seen_message',
    message: { msg_id: msgId, msg_ids: [msgId] },
    timestamp: String(at),
  };
}

describe('Zalo receipts: signed, stored, applied forward only', () => {
  let bed: WebhookTestBed;
  let accountId: string;

  beforeAll(async () => {
    bed = await startWebhookTestBed();
    accountId = (await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox))).id;
  });

  afterAll(async () => {
    await bed?.close();
  });

  const post = (event: { body: string; signature?: string }, id = accountId) => {
    const call = request(bed.app.getHttpServer())
      .post(`/webhooks/zalo/${id}`)
      .set('content-type', 'application/json');
    if (event.signature !== undefined) call.set('x-zevent-signature', event.signature);
    return call.send(event.body);
  };

  it('shows the admin the URL to paste into the Zalo developer console', async () => {
    const view = await bed.ws.as.admin.get(`/channel-accounts/${accountId}`).expect(200);
    expect(view.body.webhookUrl).toBe(`${bed.publicUrl}/webhooks/zalo/${accountId}`);
  });

  it('refuses forged, unsigned and misdirected calls with 401 and stores nothing', async () => {
    const msgId = `forged-${randomUUID()}`;
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId,
      channel: 'zalo_oa',
      providerMessageId: msgId,
    });
    const genuine = signedZaloEvent(received(msgId, Date.now()));
    await post({ body: genuine.body }).expect(401);
    await post({ body: genuine.body, signature: 'f'.repeat(64) }).expect(401);
    await post({
      body: genuine.body.replace(USER_ID, '5000000000000000002'),
      signature: genuine.signature,
    }).expect(401);
    await post(genuine, randomUUID()).expect(401);
    const other = await createAccount(bed, 'zalo_oa', {
      ...zaloAccountConfig(bed.sandbox),
      webhookSecret: 'another-secret',
    });
    await post(genuine, other.id).expect(401);
    expect(await receiptsOf(bed.db, accountId)).toEqual([]);
    expect(await receiptsOf(bed.db, other.id)).toEqual([]);
    expect((await ledgerRow(bed.db, rowId)).status).toBe('sent');
  });

  it('moves sent -> delivered -> seen even when seen arrives first, and a replay changes nothing', async () => {
    const msgId = `ordered-${randomUUID()}`;
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId,
      channel: 'zalo_oa',
      providerMessageId: msgId,
    });
    const deliveredAt = Date.parse('2026-03-10T03:00:00.000Z');
    const seenAt = deliveredAt + 60_000;
    await post(signedZaloEvent(seen(msgId, seenAt))).expect(200);
    const afterSeen = await waitFor('the seen receipt applied', async () => {
      const row = await ledgerRow(bed.db, rowId);
      if (row.status !== 'seen') throw new Error(`status ${row.status}`);
      return row;
    });
    expect(afterSeen.seen_at?.toISOString()).toBe(new Date(seenAt).toISOString());

    const delivered = signedZaloEvent(received(msgId, deliveredAt));
    await post(delivered).expect(200);
    const afterDelivered = await waitFor('the late delivered receipt applied', async () => {
      const row = await ledgerRow(bed.db, rowId);
      if (row.delivered_at?.getTime() !== deliveredAt)
        throw new Error(`delivered_at ${String(row.delivered_at)}`);
      return row;
    });
    expect(afterDelivered).toMatchObject({ status: 'seen' });

    await post(delivered).expect(200);
    await post(signedZaloEvent(seen(msgId, seenAt + 1000))).expect(200);
    await waitFor('every receipt processed', async () => {
      const open = (await receiptsOf(bed.db, accountId)).filter((receipt) =>
        ['received', 'waiting'].includes(receipt.status),
      );
      if (open.length > 0) throw new Error(`${open.length} open`);
    });
    const final = await ledgerRow(bed.db, rowId);
    expect(final.status).toBe('seen');
    expect(final.seen_at?.getTime()).toBe(seenAt);
    expect(final.delivered_at?.getTime()).toBe(deliveredAt);
  });

  it('keeps a receipt that arrives before its ledger row and applies it when the send service records the row', async () => {
    const trackingId = `early-${randomUUID().slice(0, 20)}`;
    const msgId = `early-msg-${randomUUID()}`;
    const deliveredAt = Date.parse('2026-03-10T04:00:00.000Z');
    await post(signedZaloEvent(received(msgId, deliveredAt, trackingId))).expect(200);
    const waiting = await waitFor('the receipt waits for its row', async () => {
      const receipt = (await receiptsOf(bed.db, accountId)).find((r) => r.match_ids.includes(msgId));
      if (receipt?.status !== 'waiting') throw new Error(`status ${receipt?.status}`);
      return receipt;
    });
    expect(waiting.match_ids).toEqual([msgId, trackingId]);

    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId,
      channel: 'zns',
      correlationId: trackingId,
      providerMessageId: msgId,
      templateRef: '300001',
      cost: 300,
      costCurrency: 'VND',
    });
    const applied = await bed.app
      .get(ReceiptProcessing)
      .applyWaiting({ accountId, ids: [msgId, trackingId] });
    expect(applied).toBe(1);
    expect(await ledgerRow(bed.db, rowId)).toMatchObject({
      status: 'delivered',
      delivered_at: new Date(deliveredAt),
      cost: '300.0000',
      cost_currency: 'VND',
      billable_units: 1,
    });
  });

  it('retries waiting receipts from the sweeper when nobody tells it the row appeared', async () => {
    const msgId = `swept-${randomUUID()}`;
    await post(signedZaloEvent(received(msgId, Date.now()))).expect(200);
    const receipt = await waitFor('the receipt waits', async () => {
      const found = (await receiptsOf(bed.db, accountId)).find((r) => r.match_ids.includes(msgId));
      if (found?.status !== 'waiting') throw new Error(`status ${found?.status}`);
      return found;
    });
    const rowId = await insertLedgerRow(bed.db, {
      workspaceId: bed.ws.workspaceId,
      accountId,
      channel: 'zalo_oa',
      providerMessageId: msgId,
    });
    await bed.db.query(`UPDATE webhook_receipts SET next_attempt_at = now() WHERE id = $1`, [receipt.id]);
    expect(await bed.app.get(ReceiptSweeper).sweep()).toBeGreaterThanOrEqual(1);
    await waitFor('the swept receipt applied', async () => {
      const row = await ledgerRow(bed.db, rowId);
      if (row.status !== 'delivered') throw new Error(`status ${row.status}`);
    });
  });

  it('keeps the follower state of the newest follow or unfollow, whatever order they are processed in', async () => {
    const userId = `88${Date.now()}`;
    const follow = (event: 'follow' | 'unfollow', at: number) =>
      signedZaloEvent({
        app_id: SANDBOX_APP_ID,
        oa_id: SANDBOX_OA_ID,
        event_name: event,
        follower: { id: userId },
        source: 'oa_profile',
        timestamp: String(at),
      });
    const base = Date.parse('2026-03-10T03:00:00Z');
    const follower = async () => {
      const [identity] = (await bed.db.query(
        `SELECT follower, followed_at FROM contact_identities
          WHERE workspace_id = $1 AND oa_id = $2 AND external_user_id = $3`,
        [bed.ws.workspaceId, SANDBOX_OA_ID, userId],
      )) as Array<{ follower: boolean; followed_at: Date | null }>;
      return identity;
    };
    await post(follow('unfollow', base + 2000)).expect(200);
    await waitFor('the unfollow applied', async () => {
      if ((await follower())?.follower !== false) throw new Error('not yet');
    });
    await post(follow('follow', base + 1000)).expect(200);
    await waitFor('both receipts processed', async () => {
      const open = (await receiptsOf(bed.db, accountId)).filter((r) =>
        ['received', 'waiting'].includes(r.status),
      );
      if (open.length > 0) throw new Error(`${open.length} open`);
    });
    expect((await follower())?.follower).toBe(false);
    await post(follow('follow', base + 3000)).expect(200);
    await waitFor('the newer follow applied', async () => {
      const identity = await follower();
      if (identity?.follower !== true) throw new Error('not yet');
      expect(identity.followed_at?.getTime()).toBe(base + 3000);
    });
  });

  it('records change_template_status of an OA not connected yet, with why its template could not be synced', async () => {
    const event = {
      app_id: SANDBOX_APP_ID,
      oa_id: SANDBOX_OA_ID,
      event_name: 'change_template_status',
      template_id: '300003',
      status: { prev_status: 'PENDING_REVIEW', new_status: 'ENABLE' },
      reason: 'approved',
      timestamp: String(Date.now()),
    };
    await post(signedZaloEvent(event)).expect(200);
    await waitFor('the template status receipt applied', async () => {
      const found = (await receiptsOf(bed.db, accountId)).find((r) => r.kind === 'template_status');
      if (found?.status !== 'applied') throw new Error(`status ${found?.status}`);
      expect(found.detail).toMatch(
        /^template 300003: PENDING_REVIEW -> ENABLE; template sync failed: .*not connected/,
      );
    });
  });
});
