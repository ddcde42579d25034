import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '../http/problem';
import { type ContactChange, ContactChanges } from './contact-changes';
import { ContactsService, type UpsertInput } from './contacts.service';
import { eraseContact } from './erase/erase-contact';
import { contactsTestContext, createWorkspace, defineAttribute } from './testing/contacts-test-module';

describe('ContactsService.upsert on PostgreSQL', () => {
  let context: INestApplicationContext;
  let contacts: ContactsService;
  let dataSource: DataSource;
  let workspaceId: string;

  beforeAll(async () => {
    context = await contactsTestContext();
    contacts = context.get(ContactsService);
    dataSource = context.get(DataSource);
  });

  afterAll(async () => {
    await context.close();
  });

  beforeEach(async () => {
    workspaceId = await createWorkspace(dataSource);
  });

  const upsert = (input: Partial<UpsertInput>) =>
    contacts.upsert({ workspaceId, match: {}, write: {}, mode: 'both', cause: 'contact', ...input });

  async function problemOf(promise: Promise<unknown>): Promise<ProblemException> {
    const error: unknown = await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof ProblemException))
      throw new Error(`expected a ProblemException, got ${String(error)}`);
    return error;
  }

  async function contactRow(id: string) {
    const rows = (await dataSource.query('SELECT * FROM contacts WHERE id = $1', [id])) as Record<
      string,
      unknown
    >[];
    return rows[0];
  }

  async function insertEvent(contactId: string, messageId: string) {
    await dataSource.query(
      `INSERT INTO events (workspace_id, message_id, type, name, contact_id, timestamp)
       VALUES ($1, $2, 'track', 'Order Completed', $3, now())`,
      [workspaceId, messageId, contactId],
    );
  }

  it('creates a contact with its phone normalised, then finds it by the same phone in another format', async () => {
    const created = await upsert({ match: { phone: '0912 345 678' }, write: { name: 'Lan' } });
    expect(created.outcome).toBe('created');
    expect(created.contact).toMatchObject({ phone: '84912345678', name: 'Lan' });

    const again = await upsert({ match: { phone: '+84912345678' }, write: { name: 'Lan' } });
    expect(again).toMatchObject({ outcome: 'unchanged', contact: { id: created.contact?.id } });
    const renamed = await upsert({ match: { phone: '84 912 345 678' }, write: { name: 'Lan Nguyễn' } });
    expect(renamed).toMatchObject({
      outcome: 'updated',
      contact: { id: created.contact?.id, name: 'Lan Nguyễn' },
    });
  });

  it('refuses an invalid phone or e-mail with a 422 naming each field', async () => {
    const problem = await problemOf(
      upsert({ match: { phone: '12345' }, write: { phone: '02438253158', email: 'x@' } }),
    );
    expect(problem.getStatus()).toBe(422);
    expect(problem.extra.errors?.map((error) => error.field).sort()).toEqual([
      'email',
      'match.phone',
      'phone',
    ]);
    expect(problem.extra.errors?.find((error) => error.field === 'phone')?.message).toContain('landline');
  });

  it('lower-cases e-mails and treats them as one identity', async () => {
    const created = await upsert({ match: { email: ' Lan@Example.VN ' } });
    expect(created.contact?.email).toBe('lan@example.vn');
    const again = await upsert({ match: { email: 'lan@example.vn' } });
    expect(again).toMatchObject({ outcome: 'unchanged', contact: { id: created.contact?.id } });
  });

  it('creates exactly one contact when 20 upserts of one phone race', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        upsert({ match: { phone: '0987654321' }, write: { attributes: { [`seen_${index}`]: true } } }),
      ),
    );
    const ids = new Set(results.map((result) => result.contact?.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
    const rows = (await dataSource.query('SELECT attributes FROM contacts WHERE workspace_id = $1', [
      workspaceId,
    ])) as {
      attributes: Record<string, unknown>;
    }[];
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0].attributes)).toHaveLength(20);
  });

  it('coerces attribute values by their definitions and names the attribute it refuses', async () => {
    await defineAttribute(dataSource, workspaceId, { key: 'age', type: 'number' });
    await defineAttribute(dataSource, workspaceId, { key: 'vip', type: 'boolean' });
    await defineAttribute(dataSource, workspaceId, { key: 'birthday', type: 'date' });
    await defineAttribute(dataSource, workspaceId, {
      key: 'tier',
      type: 'enum',
      enumValues: ['gold', 'silver'],
    });
    const created = await upsert({
      match: { externalId: 'u-attr' },
      write: {
        attributes: { age: '12', vip: '1', birthday: '31/12/1990', tier: 'Gold', note: { any: ['json'] } },
      },
    });
    expect(created.contact?.attributes).toEqual({
      age: 12,
      vip: true,
      birthday: '1990-12-31',
      tier: 'gold',
      note: { any: ['json'] },
    });

    const problem = await problemOf(
      upsert({ match: { externalId: 'u-attr' }, write: { attributes: { tier: 'bronze', age: 'old' } } }),
    );
    expect(problem.getStatus()).toBe(422);
    expect(problem.extra.errors).toEqual([
      { in: 'body', field: 'attributes.tier', message: 'must be one of: gold, silver' },
      { in: 'body', field: 'attributes.age', message: 'must be a number' },
    ]);

    const removed = await upsert({ match: { externalId: 'u-attr' }, write: { attributes: { note: null } } });
    expect(removed.contact?.attributes).not.toHaveProperty('note');
  });

  it('skips by mode: update of nobody, create of someone who exists', async () => {
    expect(await upsert({ match: { externalId: 'nobody' }, mode: 'update' })).toEqual({
      outcome: 'skipped',
      skippedReason: 'not_found',
    });
    const created = await upsert({ match: { externalId: 'someone' }, mode: 'create' });
    expect(await upsert({ match: { externalId: 'someone' }, mode: 'create' })).toEqual({
      outcome: 'skipped',
      skippedReason: 'exists',
      existing: [{ kind: 'externalId', contactId: created.contact?.id }],
    });
  });

  it('answers 409 naming the field when a write takes another contact’s phone', async () => {
    const other = await upsert({ match: { phone: '0911111111' } });
    await upsert({ match: { externalId: 'taker' } });
    const problem = await problemOf(
      upsert({ match: { externalId: 'taker' }, write: { phone: '0911111111' } }),
    );
    expect(problem.getStatus()).toBe(409);
    expect(problem.extra).toMatchObject({ contactId: other.contact?.id, errors: [{ field: 'phone' }] });
  });

  it('answers 409 when a write takes the phone of a contact that the merge rule kept apart', async () => {
    const kept = await upsert({ match: { externalId: 'u-kept', phone: '0922000333' } });
    await upsert({ match: { externalId: 'u-writer' } });
    const problem = await problemOf(
      upsert({ match: { externalId: 'u-writer', phone: '0922000333' }, write: { phone: '0922000333' } }),
    );
    expect(problem.getStatus()).toBe(409);
    expect(problem.extra).toMatchObject({ contactId: kept.contact?.id, errors: [{ field: 'phone' }] });
  });

  it('keeps Zalo identities per OA with their follower state and finds the contact by them', async () => {
    const created = await upsert({
      match: { phone: '0912000111' },
      write: {
        zalo: [{ oaId: 'oa-1', userId: 'zu-1', follower: true, followedAt: '2026-01-02T03:04:05+07:00' }],
      },
    });
    expect(created.contact?.identities).toEqual([
      {
        kind: 'zalo',
        oaId: 'oa-1',
        userId: 'zu-1',
        follower: true,
        followedAt: '2026-01-01T20:04:05.000Z',
        lastInteractionAt: null,
      },
    ]);
    const unfollowed = await upsert({ match: { zalo: { oaId: 'oa-1', userId: 'zu-1', follower: false } } });
    expect(unfollowed).toMatchObject({ outcome: 'updated', contact: { id: created.contact?.id } });
    expect(unfollowed.contact?.identities[0].follower).toBe(false);
  });

  describe('merge rule', () => {
    it('merges the contact found by a weaker key into the one found by the strongest', async () => {
      const byExternalId = await upsert({
        match: { externalId: 'u-1' },
        write: { name: 'Lan', attributes: { city: 'Hà Nội' }, tags: { add: ['vip'] } },
      });
      const byPhone = await upsert({
        match: { phone: '0912345678' },
        write: {
          name: 'Lan N.',
          attributes: { city: 'Huế', plan: 'pro' },
          tags: { add: ['lead'] },
          doNotContact: true,
          consents: { sms: { state: 'granted', source: 'form', at: '2026-01-01T00:00:00Z' } },
          zalo: [{ oaId: 'oa-1', userId: 'zu-9' }],
        },
      });
      const survivorId = byExternalId.contact?.id as string;
      const loserId = byPhone.contact?.id as string;
      await insertEvent(loserId, 'm-1');

      const merged = await upsert({ match: { externalId: 'u-1', phone: '0912345678' } });
      expect(merged).toMatchObject({ outcome: 'merged', mergedContactIds: [loserId] });
      expect(merged.contact).toMatchObject({
        id: survivorId,
        externalId: 'u-1',
        phone: '84912345678',
        name: 'Lan',
        attributes: { city: 'Hà Nội', plan: 'pro' },
        tags: ['vip', 'lead'],
        doNotContact: true,
        consents: { sms: { state: 'granted', source: 'form', at: '2026-01-01T00:00:00.000Z' } },
        identities: [expect.objectContaining({ oaId: 'oa-1', userId: 'zu-9' })],
      });
      expect(await contactRow(loserId)).toMatchObject({ merged_into: survivorId, phone: null, name: null });
      const events = (await dataSource.query('SELECT contact_id FROM events WHERE message_id = $1', [
        'm-1',
      ])) as {
        contact_id: string;
      }[];
      expect(events).toEqual([{ contact_id: survivorId }]);
      const byPhoneNow = await upsert({ match: { phone: '0912345678' } });
      expect(byPhoneNow.contact?.id).toBe(survivorId);
    });

    it('does not merge a contact that holds a different identity of the same kind, and reports it', async () => {
      const first = await upsert({ match: { externalId: 'u-1' } });
      const second = await upsert({ match: { externalId: 'u-2', phone: '0912345678' } });
      const result = await upsert({
        match: { externalId: 'u-1', phone: '0912345678' },
        write: { name: 'Lan' },
      });
      expect(result).toMatchObject({
        outcome: 'updated',
        contact: { id: first.contact?.id, phone: null, name: 'Lan' },
        conflicts: [{ key: 'phone', contactId: second.contact?.id, conflictingKind: 'externalId' }],
      });
      expect(await contactRow(second.contact?.id as string)).toMatchObject({
        merged_into: null,
        phone: '84912345678',
      });
    });

    it('merges three contacts into the strongest, skipping the one that conflicts with what was absorbed', async () => {
      const a = await upsert({ match: { externalId: 'u-a' } });
      const b = await upsert({ match: { phone: '0912345678' }, write: { email: 'b@example.vn' } });
      const c = await upsert({ match: { email: 'c@example.vn' } });
      const merged = await upsert({
        match: { externalId: 'u-a', phone: '0912345678', email: 'c@example.vn' },
      });
      expect(merged).toMatchObject({
        outcome: 'merged',
        mergedContactIds: [b.contact?.id],
        contact: { id: a.contact?.id, phone: '84912345678', email: 'b@example.vn' },
        conflicts: [{ key: 'email', contactId: c.contact?.id, conflictingKind: 'email' }],
      });

      const d = await upsert({ match: { email: 'd@example.vn' } });
      const e = await upsert({ match: { zalo: { oaId: 'oa-1', userId: 'zu-e' } } });
      const f = await upsert({ match: { externalId: 'u-f' } });
      const threeWay = await upsert({
        match: { externalId: 'u-f', email: 'd@example.vn', zalo: { oaId: 'oa-1', userId: 'zu-e' } },
      });
      expect(threeWay.outcome).toBe('merged');
      expect(threeWay.contact).toMatchObject({ id: f.contact?.id, email: 'd@example.vn' });
      expect(threeWay.mergedContactIds).toEqual([d.contact?.id, e.contact?.id]);
      expect(threeWay.contact?.identities).toEqual([
        expect.objectContaining({ oaId: 'oa-1', userId: 'zu-e' }),
      ]);
    });
  });

  it('merges exactly once when 10 identifies naming two contacts race', async () => {
    const byExternalId = await upsert({ match: { externalId: 'u-race' } });
    const byPhone = await upsert({ match: { phone: '0977000111' } });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => upsert({ match: { externalId: 'u-race', phone: '0977 000 111' } })),
    );
    expect(results.map((result) => result.outcome).sort()).toEqual(['merged', ...Array(9).fill('unchanged')]);
    expect(new Set(results.map((result) => result.contact?.id))).toEqual(new Set([byExternalId.contact?.id]));
    expect(await contactRow(byPhone.contact?.id as string)).toMatchObject({
      merged_into: byExternalId.contact?.id,
    });
  });

  it('creates a new contact when the one it found is erased while it waits for the row lock', async () => {
    const first = await upsert({ match: { phone: '0966000444' } });
    let finishErase = () => undefined as void;
    const eraseHolds = new Promise<void>((resolve) => (finishErase = resolve));
    const erasing = dataSource.transaction(async (manager) => {
      await eraseContact(manager, { workspaceId, contactId: first.contact?.id as string });
      await eraseHolds;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const upserting = upsert({ match: { phone: '0966 000 444' }, write: { name: 'After' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    finishErase();
    await erasing;
    const result = await upserting;
    expect(result.outcome).toBe('created');
    expect(result.contact?.id).not.toBe(first.contact?.id);
    expect(await contactRow(first.contact?.id as string)).toMatchObject({ phone: null, name: null });
  });

  describe('upsertMany', () => {
    it('reports a refused row in its place and keeps the others', async () => {
      const rows = await contacts.upsertMany({
        workspaceId,
        mode: 'both',
        cause: 'import',
        rows: [
          { match: { phone: '0912345001' }, write: { name: 'One' } },
          { match: { phone: 'not a phone' }, write: { name: 'Two' } },
          { match: { phone: '0912345003' }, write: { name: 'Three' } },
        ],
      });
      expect(rows.map((row) => row.ok)).toEqual([true, false, true]);
      expect(rows[1]).toMatchObject({ ok: false, status: 422, errors: [{ field: 'match.phone' }] });
      const count = (await dataSource.query(
        'SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1',
        [workspaceId],
      )) as { n: number }[];
      expect(count[0].n).toBe(2);
    });

    it('upserts 500 rows in one transaction', async () => {
      const rows = await contacts.upsertMany({
        workspaceId,
        mode: 'both',
        cause: 'import',
        rows: Array.from({ length: 500 }, (_, index) => ({
          match: { phone: `0912${String(index).padStart(6, '0')}` },
          write: { name: `Row ${index}`, attributes: { row: index }, tags: { add: ['batch'] } },
        })),
      });
      expect(rows.filter((row) => row.ok && row.result.outcome === 'created')).toHaveLength(500);
      const again = await contacts.upsertMany({
        workspaceId,
        mode: 'update',
        cause: 'import',
        rows: [{ match: { phone: '0912000499' }, write: { tags: { add: ['again'] } } }],
      });
      expect(again).toMatchObject([
        { ok: true, result: { outcome: 'updated', contact: { name: 'Row 499' } } },
      ]);
    });

    it('creates each contact once when batches naming the same phones race with single upserts', async () => {
      const phones = Array.from({ length: 60 }, (_, index) => `0913${String(index).padStart(6, '0')}`);
      const batch = (order: string[], name: string) =>
        contacts.upsertMany({
          workspaceId,
          mode: 'both',
          cause: 'import',
          rows: order.map((phone) => ({ match: { phone }, write: { tags: { add: [name] } } })),
        });
      const outcomes = await Promise.all([
        batch(phones, 'first'),
        batch([...phones].reverse(), 'second'),
        batch([...phones.slice(30), ...phones.slice(0, 30)], 'third'),
        ...phones.slice(0, 10).map((phone) => upsert({ match: { phone }, write: { name: 'Single' } })),
      ]);
      const refused = outcomes.flat().filter((row) => 'ok' in row && !row.ok);
      expect(refused).toEqual([]);
      const rows = (await dataSource.query(
        'SELECT phone, tags FROM contacts WHERE workspace_id = $1 ORDER BY phone',
        [workspaceId],
      )) as { phone: string; tags: string[] }[];
      expect(rows.map((row) => row.phone)).toEqual(phones.map((phone) => `84${phone.slice(1)}`));
      for (const row of rows) expect([...row.tags].sort()).toEqual(['first', 'second', 'third']);
    });
  });

  describe('change notices', () => {
    it('tells subscribers only after the caller’s transaction has committed', async () => {
      const seen: ContactChange[] = [];
      const unsubscribe = context.get(ContactChanges).subscribe((change) => {
        seen.push(change);
      });
      try {
        let createdId = '';
        await dataSource.transaction(async (manager) => {
          const result = await upsert({ match: { externalId: 'u-tx' }, manager, cause: 'event' });
          createdId = result.contact?.id as string;
          await new Promise((resolve) => setTimeout(resolve, 20));
          expect(seen).toEqual([]);
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(seen).toEqual([{ workspaceId, contactIds: [createdId], cause: 'event' }]);

        await dataSource
          .transaction(async (manager) => {
            await upsert({ match: { externalId: 'u-rolled-back' }, manager });
            throw new Error('caller gives up');
          })
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(seen).toHaveLength(1);

        const phone = await upsert({ match: { phone: '0988000777' } });
        expect(seen.at(-1)).toEqual({ workspaceId, contactIds: [phone.contact?.id], cause: 'contact' });
        const merged = await upsert({ match: { externalId: 'u-tx', phone: '0988000777' } });
        expect(merged.outcome).toBe('merged');
        expect(seen.at(-1)).toEqual({
          workspaceId,
          contactIds: [createdId, phone.contact?.id],
          cause: 'merge',
        });
      } finally {
        unsubscribe();
      }
    });
  });
});
