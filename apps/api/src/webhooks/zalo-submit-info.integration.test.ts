import { waitFor } from '@loa/testing';
import request from 'supertest';
import {
  createAccount,
  receiptsOf,
  SANDBOX_APP_ID,
  SANDBOX_OA_ID,
  signedZaloEvent,
  startWebhookTestBed,
  zaloAccountConfig,
  type WebhookTestBed,
} from './testing/webhook-test-app';

/** A phone no other test uses: 8490 (a mobile prefix) and seven digits from a counter started at the clock. */
let phoneCounter = Date.now() % 10_000_000;
const newPhone = () => `8490${String((phoneCounter += 1) % 10_000_000).padStart(7, '0')}`;
let userCounter = Date.now();
const newUserId = () => `66${(userCounter += 1)}`;

describe('Zalo user_submit_info fills a contact but never takes one over', () => {
  let bed: WebhookTestBed;
  let accountId: string;

  beforeAll(async () => {
    bed = await startWebhookTestBed();
    accountId = (await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox))).id;
  });

  afterAll(async () => {
    await bed?.close();
  });

  const post = async (event: Record<string, unknown> & { timestamp: string }) => {
    const signed = signedZaloEvent(event);
    await request(bed.app.getHttpServer())
      .post(`/webhooks/zalo/${accountId}`)
      .set('content-type', 'application/json')
      .set('x-zevent-signature', signed.signature)
      .send(signed.body)
      .expect(200);
  };
  const processed = (kind: string, count: number) =>
    waitFor(`${count} ${kind} receipt(s) processed`, async () => {
      const receipts = (await receiptsOf(bed.db, accountId)).filter((r) => r.kind === kind);
      const done = receipts.filter((r) => ['applied', 'ignored'].includes(r.status));
      if (done.length < count) throw new Error(`${done.length} of ${count}: ${JSON.stringify(receipts)}`);
      return receipts;
    });
  let submitted = 0;
  const submitInfo = async (userId: string, info: Record<string, string>) => {
    await post({
      app_id: SANDBOX_APP_ID,
      event_name: 'user_submit_info',
      sender: { id: userId },
      recipient: { id: SANDBOX_OA_ID },
      info,
      timestamp: String(Date.now()),
    });
    submitted += 1;
    const receipts = await processed('zalo.user_submit_info', submitted);
    return receipts.at(-1)!;
  };
  let followed = 0;
  const follow = async (userId: string) => {
    await post({
      app_id: SANDBOX_APP_ID,
      oa_id: SANDBOX_OA_ID,
      event_name: 'follow',
      follower: { id: userId },
      source: 'oa_profile',
      timestamp: String(Date.now()),
    });
    followed += 1;
    await processed('zalo.follow', followed);
  };
  const holderOfZaloUser = async (userId: string) =>
    (
      (await bed.db.query(
        `SELECT contact_id FROM contact_identities WHERE workspace_id = $1 AND oa_id = $2 AND external_user_id = $3`,
        [bed.ws.workspaceId, SANDBOX_OA_ID, userId],
      )) as Array<{ contact_id: string }>
    ).map((row) => row.contact_id);
  const zaloUsersOf = async (contactId: string) =>
    (
      (await bed.db.query(
        `SELECT external_user_id FROM contact_identities WHERE contact_id = $1 AND oa_id = $2 ORDER BY 1`,
        [contactId, SANDBOX_OA_ID],
      )) as Array<{ external_user_id: string }>
    ).map((row) => row.external_user_id);
  const contact = async (id: string) => (await bed.ws.as.admin.get(`/contacts/${id}`).expect(200)).body;
  const createContact = async (body: Record<string, unknown>) =>
    (await bed.ws.as.admin.post('/contacts').send(body).expect(201)).body.id as string;

  it('links a new Zalo user to the contact with that phone and fills only the fields it lacks', async () => {
    const phone = newPhone();
    const userId = newUserId();
    const contactId = await createContact({ phone, name: 'Khách cũ', attributes: { city: 'Huế' } });
    const receipt = await submitInfo(userId, {
      name: 'Người khác',
      phone: `0${phone.slice(2)}`,
      address: '12 Lý Thái Tổ',
      city: 'Hà Nội',
    });
    expect(receipt.status).toBe('applied');
    expect(await holderOfZaloUser(userId)).toEqual([contactId]);
    const stored = await contact(contactId);
    expect(stored).toMatchObject({ name: 'Khách cũ', phone });
    expect(stored.attributes).toMatchObject({ city: 'Huế', address: '12 Lý Thái Tổ' });
    expect(receipt.detail).toMatch(/not written: .*name.*city/);
  });

  it("neither moves nor adds to a contact's Zalo identity of the OA, and leaves the phone with its contact", async () => {
    const phone = newPhone();
    const owner = newUserId();
    const intruder = newUserId();
    const contactId = await createContact({
      phone,
      name: 'Chủ số',
      zalo: [{ oaId: SANDBOX_OA_ID, userId: owner }],
    });
    const receipt = await submitInfo(intruder, { name: 'Kẻ lạ', phone, address: '1 Đường Giả' });
    expect(receipt.status).toBe('applied');
    expect(await zaloUsersOf(contactId)).toEqual([owner]);
    const [intruderContact] = await holderOfZaloUser(intruder);
    expect(intruderContact).toBeDefined();
    expect(intruderContact).not.toBe(contactId);
    expect(await contact(contactId)).toMatchObject({ name: 'Chủ số', phone });
    expect((await contact(intruderContact!)).phone).toBeNull();
    expect(receipt.detail).toMatch(/not written: .*phone/);
    const [event] = (await bed.db.query(
      `SELECT properties FROM events WHERE workspace_id = $1 AND anonymous_id = $2 AND name = 'zalo.user_submit_info'`,
      [bed.ws.workspaceId, `zalo:${SANDBOX_OA_ID}:${intruder}`],
    )) as Array<{ properties: { notWritten?: string[] } }>;
    expect(event?.properties.notWritten).toEqual(expect.arrayContaining([expect.stringMatching(/^phone/)]));
  });

  it("a follower whose contact has a phone does not take another contact's phone, nor merge into it", async () => {
    const phone = newPhone();
    const ownPhone = newPhone();
    const userId = newUserId();
    await follow(userId);
    const [followerContact] = await holderOfZaloUser(userId);
    await bed.ws.as.admin.patch(`/contacts/${followerContact}`).send({ phone: ownPhone }).expect(200);
    const victim = await createContact({ phone, name: 'Nạn nhân' });
    const receipt = await submitInfo(userId, { name: 'Ai đó', phone });
    expect(receipt.status).toBe('applied');
    expect(await holderOfZaloUser(userId)).toEqual([followerContact]);
    expect(await zaloUsersOf(victim)).toEqual([]);
    expect(await contact(victim)).toMatchObject({ name: 'Nạn nhân', phone });
    expect(await contact(followerContact!)).toMatchObject({ name: 'Ai đó', phone: ownPhone });
    expect(receipt.detail).toMatch(/not written: .*phone/);
  });

  it('a follower known by Zalo only joins the contact with that phone when that contact has no Zalo user of the OA', async () => {
    const phone = newPhone();
    const userId = newUserId();
    await follow(userId);
    const contactId = await createContact({ phone, name: 'Khách quen' });
    const receipt = await submitInfo(userId, { name: 'Tên Zalo', phone, ward: 'Phường 1' });
    expect(receipt.status).toBe('applied');
    expect(await holderOfZaloUser(userId)).toEqual([contactId]);
    const stored = await contact(contactId);
    expect(stored).toMatchObject({ name: 'Khách quen', phone });
    expect(stored.attributes).toMatchObject({ ward: 'Phường 1' });
  });
});
