import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { factsOf, recipientFacts, type RecipientQuery } from './guard-contact';
import { LedgerFlush } from './ledger-flush';
import { newRow } from './new-row';
import { ledgerAddress } from './recipient-address';
import { lookupOf } from './guard-contact';
import type { SendMessageInput } from './send-message.types';

const OA = 'oa-facts-1';
const OTHER_OA = 'oa-facts-2';

// The two ways the send service reads a recipient's contact (inside a capped message's transaction, and in the
// statement that inserts the rows of uncapped sends) must find the same contact with the same facts.
describe('the recipient facts read with a ledger row match the ones read inside a transaction', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let flush: LedgerFlush;
  let accountId: string;
  let lan: string;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }));
    await app.init();
    ws = await seedTestWorkspace(app);
    db = app.get(DataSource);
    flush = new LedgerFlush(db, true);
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({
        kind: 'esms',
        name: 'facts',
        config: { apiKey: 'k', secretKey: 's', brandname: 'SHOP', smsType: 'care' },
      })
      .expect(201);
    accountId = (created.body as { id: string }).id;
    const contact = async (body: Record<string, unknown>) =>
      ((await ws.as.admin.post('/contacts').send(body).expect(201)).body as { id: string }).id;
    lan = await contact({
      phone: '0912 345 678',
      email: 'Lan@Example.vn',
      name: 'Nguyễn Thị Lan',
      consents: { sms: { state: 'granted', source: 'form' } },
      zalo: [
        { oaId: OA, userId: 'zalo-lan', follower: true },
        { oaId: OTHER_OA, userId: 'zalo-lan-2', follower: true },
      ],
    });
    const blocked = await contact({ phone: '0987 654 321', email: 'minh@example.vn' });
    await ws.as.admin.patch(`/contacts/${blocked}`).send({ doNotContact: true }).expect(200);
  });

  afterAll(async () => {
    await flush.close();
    await app.close();
  });

  const cases: Array<[string, Omit<RecipientQuery, 'workspaceId'>]> = [
    ['by contact id, on an OA', { channel: 'zalo_oa', contactId: 'LAN', oaId: OA }],
    ['by contact id, on the other OA', { channel: 'zalo_oa', contactId: 'LAN', oaId: OTHER_OA }],
    ['by a phone written locally', { channel: 'sms', to: '0912345678' }],
    ['by an e-mail in capitals', { channel: 'email', to: 'LAN@EXAMPLE.VN' }],
    ['by a Zalo user id on its OA', { channel: 'zalo_oa', to: 'zalo-lan', oaId: OA }],
    [
      'by a Zalo user id on an OA that does not know it',
      { channel: 'zalo_oa', to: 'zalo-lan', oaId: OTHER_OA },
    ],
    ['by the phone of a do-not-contact contact', { channel: 'sms', to: '+84 987 654 321' }],
    ['by a phone no contact holds', { channel: 'sms', to: '0900000001' }],
    ['by a contact id that does not exist', { channel: 'sms', contactId: randomUUID() }],
    ['by a contact id that is not a UUID', { channel: 'sms', contactId: 'crm-42' }],
    [
      'by the address, when the contact id names no contact',
      { channel: 'sms', contactId: randomUUID(), to: '0987654321' },
    ],
    [
      'by the contact id first, when there is an address too',
      { channel: 'sms', contactId: 'LAN', to: '0987654321' },
    ],
  ];

  it.each(cases)('%s', async (_name, partial) => {
    const query: RecipientQuery = {
      ...partial,
      workspaceId: ws.workspaceId,
      ...(partial.contactId === 'LAN' && { contactId: lan }),
    };
    const inTransaction = await db.transaction((manager) => recipientFacts(manager, query));
    const input: SendMessageInput = {
      workspaceId: ws.workspaceId,
      accountId,
      idempotencyKey: randomUUID(),
      purpose: 'transactional',
      ...(query.contactId !== undefined && { contactId: query.contactId }),
      ...(query.to !== undefined && { to: query.to }),
      content: { channel: 'sms', text: 'Mã của bạn là 1234' },
    };
    const admitted = await flush.admit(
      newRow(input, ledgerAddress(query.channel, query.to) ?? null, { status: 'sending' }),
      lookupOf(query),
    );
    expect(admitted.row?.status).toBe('sending');
    expect(factsOf(query.channel, admitted.facts)).toEqual(inTransaction);
    if (partial.to === '0900000001' || (partial.contactId !== 'LAN' && partial.to === undefined))
      expect(inTransaction).toEqual({});
  });

  it('finds what each lookup should: the address of the channel, and do-not-contact', async () => {
    const facts = (partial: Omit<RecipientQuery, 'workspaceId'>) =>
      db.transaction((manager) => recipientFacts(manager, { ...partial, workspaceId: ws.workspaceId }));
    expect((await facts({ channel: 'zalo_oa', contactId: lan, oaId: OTHER_OA })).contact?.address).toBe(
      'zalo-lan-2',
    );
    expect((await facts({ channel: 'email', contactId: lan })).contact?.address).toBe('lan@example.vn');
    expect((await facts({ channel: 'sms', to: '0912345678' })).contact?.address).toBe('84912345678');
    expect((await facts({ channel: 'sms', to: '0987654321' })).contact?.doNotContact).toBe(true);
    expect(await facts({ channel: 'zalo_oa', to: 'zalo-lan', oaId: OTHER_OA })).toEqual({});
    // An id that names no contact does not hide the do-not-contact of the address the message goes to.
    expect(
      (await facts({ channel: 'sms', contactId: randomUUID(), to: ' 0987 654 321' })).contact?.doNotContact,
    ).toBe(true);
    expect((await facts({ channel: 'sms', contactId: lan, to: '0987654321' })).contact?.address).toBe(
      '84912345678',
    );
  });

  it('a send naming a contact that does not exist gets its row without failing the sends written with it', async () => {
    const input = (contactId: string): SendMessageInput => ({
      workspaceId: ws.workspaceId,
      accountId,
      idempotencyKey: randomUUID(),
      purpose: 'transactional',
      contactId,
      content: { channel: 'sms', text: 'Mã của bạn là 1234' },
    });
    const admit = (contactId: string) =>
      flush.admit(newRow(input(contactId), null, { status: 'sending' }), {
        contactId,
        by: null,
        key: null,
        oaId: null,
      });
    const [missing, known] = await Promise.all([admit(randomUUID()), admit(lan)]);
    expect(missing.row?.status).toBe('sending');
    expect(missing.facts?.contact_found).toBe(false);
    expect(known.facts?.phone).toBe('84912345678');
    const [stored] = (await db.query(`SELECT contact_id FROM messages WHERE id = $1`, [
      missing.row!.id,
    ])) as Array<{
      contact_id: string | null;
    }>;
    expect(stored!.contact_id).toBeNull();
  });

  it('writes the same rows and reads the same facts without prepared statements (behind a transaction pooler)', async () => {
    const input: SendMessageInput = {
      workspaceId: ws.workspaceId,
      accountId,
      idempotencyKey: randomUUID(),
      purpose: 'transactional',
      to: '0912345678',
      content: { channel: 'sms', text: 'Mã của bạn là 1234' },
    };
    const unprepared = new LedgerFlush(db, false);
    const lookup = lookupOf({ workspaceId: ws.workspaceId, channel: 'sms', to: '0912345678' });
    const admitted = await unprepared.admit(newRow(input, '84912345678', { status: 'sending' }), lookup);
    expect(admitted.row?.status).toBe('sending');
    expect(admitted.facts?.phone).toBe('84912345678');
  });

  it('inserts a key once: a second row with a taken key answers no row', async () => {
    const input: SendMessageInput = {
      workspaceId: ws.workspaceId,
      accountId,
      idempotencyKey: randomUUID(),
      purpose: 'transactional',
      to: '0912345678',
      content: { channel: 'sms', text: 'Mã của bạn là 1234' },
    };
    const row = newRow(input, '84912345678', { status: 'sending' });
    const [first, second] = await Promise.all([flush.admit(row, undefined), flush.admit(row, undefined)]);
    expect([first.row, second.row].filter(Boolean)).toHaveLength(1);
    expect((await flush.admit(row, undefined)).row).toBeUndefined();
  });
});
