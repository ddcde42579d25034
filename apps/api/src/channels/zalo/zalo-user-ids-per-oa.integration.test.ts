import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { waitFor } from '@loa/testing';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { zaloEventSignature } from '@loa/provider-sandbox/webhooks/zalo-signature';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SendService } from '../../messages/send.service';
import type { SendMessageInput } from '../../messages/send-message.types';
import type { TestWorkspace } from '../../testing/test-workspace';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';

const SECOND_APP_ID = '1000000000000000002';
const SECOND_OA_ID = '2000000000000000002';
/** The same id on both OAs: Zalo user ids are per OA, so these are two different people. */
const SHARED_USER_ID = '5000000000000000001';

/**
 * A workspace with two OAs: wherever a Zalo user id finds a contact (the send guards and the address they give, the
 * OA window, follow events) it is matched with the OA, so a contact followed on both is never ambiguous and a user
 * id of one OA never finds the contact of another.
 */
describe('Zalo user ids are matched with their OA', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let first: { accountId: string; oaId: string };
  let second: { accountId: string; oaId: string };
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed({ znsNightWindow: false }, (seed) => {
      const copy = structuredClone(seed.zalo[0]!);
      copy.appId = SECOND_APP_ID;
      copy.oas = copy.oas.slice(0, 1);
      copy.oas[0]!.oaId = SECOND_OA_ID;
      copy.oas[0]!.accessToken = 'second-oa-access-token';
      copy.oas[0]!.refreshToken = 'second-oa-refresh-token';
      for (const follower of copy.oas[0]!.followers)
        if (follower.userId !== SHARED_USER_ID) follower.userId = follower.userId.replace(/^50/, '51');
      seed.zalo.push(copy);
    });
    ({ sandbox, app, ws, db } = bed);
    const connect = async (config: Record<string, unknown>) => {
      const created = await ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'zalo_oa', name: `OA ${String(config.oaId)}`, config })
        .expect(201);
      const accountId = created.body.id as string;
      await ws.as.admin.get(await startAndConsent(ws.as.admin, accountId)).expect(200);
      return { accountId, oaId: String(config.oaId) };
    };
    const firstConfig = sandboxZaloConfig(sandbox);
    first = await connect(firstConfig);
    const secondApp = sandbox.seed.zalo[1]!;
    second = await connect({
      ...firstConfig,
      appId: secondApp.appId,
      appSecret: secondApp.secretKey,
      oaId: SECOND_OA_ID,
      webhookSecret: secondApp.webhookSecret,
    });
  });

  afterAll(() => bed.close());

  const createContact = async (body: Record<string, unknown>) =>
    (await ws.as.admin.post('/contacts').send(body).expect(201)).body.id as string;
  const send = (input: Partial<SendMessageInput> & { accountId: string }) =>
    app.get(SendService).send({
      workspaceId: ws.workspaceId,
      idempotencyKey: randomUUID(),
      purpose: 'transactional',
      content: { channel: 'zalo_oa', text: 'Đơn hàng của bạn đã được giao' },
      ...input,
    });
  const recipientOf = async (messageId: string) =>
    (
      (await db.query(`SELECT recipient FROM messages WHERE id = $1`, [messageId])) as Array<{
        recipient: string | null;
      }>
    )[0]!.recipient;

  it('sends to a contact followed on both OAs at the user id of the OA that sends, and judges its OA window per OA', async () => {
    const firstUser = '5000000000000000002';
    const secondUser = '5100000000000000002';
    const contactId = await createContact({
      name: 'Theo dõi hai OA',
      zalo: [
        { oaId: first.oaId, userId: firstUser },
        { oaId: second.oaId, userId: secondUser },
      ],
    });
    const viaFirst = await send({ accountId: first.accountId, contactId });
    const viaSecond = await send({ accountId: second.accountId, contactId });
    expect(await recipientOf(viaFirst.messageId)).toBe(firstUser);
    expect(await recipientOf(viaSecond.messageId)).toBe(secondUser);

    // Interacted with the first OA an hour ago, with the second never.
    await db.query(
      `UPDATE contact_identities SET last_interaction_at = now() - interval '1 hour'
        WHERE contact_id = $1 AND oa_id = $2`,
      [contactId, first.oaId],
    );
    const marketing = { purpose: 'marketing' as const, contactId };
    expect(await send({ ...marketing, accountId: second.accountId })).toMatchObject({
      status: 'blocked',
      reason: 'outside_oa_window',
    });
    expect(await send({ ...marketing, accountId: first.accountId })).not.toMatchObject({
      reason: 'outside_oa_window',
    });
  });

  it("a user id of one OA never finds another OA's contact: do-not-contact, addresses and follow events", async () => {
    const blocked = await createContact({
      name: 'Không liên hệ',
      doNotContact: true,
      zalo: [{ oaId: first.oaId, userId: SHARED_USER_ID, follower: true }],
    });
    const other = await createContact({
      name: 'Người khác, OA thứ hai',
      zalo: [{ oaId: second.oaId, userId: SHARED_USER_ID, follower: true }],
    });
    expect(await send({ accountId: first.accountId, to: SHARED_USER_ID })).toMatchObject({
      status: 'blocked',
      reason: 'do_not_contact',
    });
    expect(await send({ accountId: second.accountId, to: SHARED_USER_ID })).not.toMatchObject({
      status: 'blocked',
    });
    expect(await send({ accountId: second.accountId, contactId: blocked })).toMatchObject({
      status: 'blocked',
      reason: 'do_not_contact',
    });
    const noAddress = await createContact({
      name: 'Chỉ OA một',
      zalo: [{ oaId: first.oaId, userId: '5000000000000000003' }],
    });
    expect(await send({ accountId: second.accountId, contactId: noAddress })).toMatchObject({
      status: 'blocked',
      reason: 'no_address',
    });

    // The second OA's user unfollows: only the second OA's contact changes.
    const secondApp = sandbox.seed.zalo[1]!;
    const timestamp = String(Date.now());
    const body = JSON.stringify({
      app_id: SECOND_APP_ID,
      oa_id: SECOND_OA_ID,
      event_name: 'unfollow',
      follower: { id: SHARED_USER_ID },
      source: 'oa_profile',
      timestamp,
    });
    const signature = zaloEventSignature({
      firstTerm: SECOND_APP_ID,
      rawBody: body,
      timestamp,
      secret: secondApp.webhookSecret,
    });
    await request(app.getHttpServer())
      .post(`/webhooks/zalo/${second.accountId}`)
      .set('content-type', 'application/json')
      .set('x-zevent-signature', signature)
      .send(body)
      .expect(200);
    const follower = async (contactId: string) =>
      (
        (await db.query(`SELECT follower FROM contact_identities WHERE contact_id = $1`, [
          contactId,
        ])) as Array<{
          follower: boolean;
        }>
      )[0]!.follower;
    await waitFor('the unfollow applied', async () => {
      if ((await follower(other)) !== false) throw new Error('still following');
    });
    expect(await follower(blocked)).toBe(true);
  });
});
