import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactsService } from './contacts.service';
import { contactsTestContext, createWorkspace } from './testing/contacts-test-module';

describe('ContactsService on embedded PGlite', () => {
  let context: INestApplicationContext;

  beforeAll(async () => {
    context = await contactsTestContext({ DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://' });
  });

  afterAll(async () => {
    await context.close();
  });

  it('upserts, merges, lists, pages and erases with the same SQL as on PostgreSQL', async () => {
    const contacts = context.get(ContactsService);
    const workspaceId = await createWorkspace(context.get(DataSource));
    const base = { workspaceId, mode: 'both', cause: 'contact' } as const;
    const a = await contacts.upsert({ ...base, match: { externalId: 'u-1' }, write: { name: 'An' } });
    const b = await contacts.upsert({
      ...base,
      match: { phone: '0912345678' },
      write: { tags: { add: ['vip'] } },
    });
    const merged = await contacts.upsert({
      ...base,
      match: { externalId: 'u-1', phone: '0912 345 678' },
      write: {},
    });
    expect(merged).toMatchObject({ outcome: 'merged', mergedContactIds: [b.contact?.id] });
    await contacts.upsert({ ...base, match: { email: 'binh@example.vn' }, write: { name: 'Bình' } });

    const first = await contacts.list({ workspaceId, sort: 'name', order: 'asc', limit: 1, q: undefined });
    expect(first.items.map((item) => item.name)).toEqual(['An']);
    const second = await contacts.list({
      workspaceId,
      sort: 'name',
      order: 'asc',
      limit: 1,
      cursor: first.nextCursor ?? '',
    });
    expect(second).toMatchObject({ items: [{ name: 'Bình' }], nextCursor: null });
    const byPhone = await contacts.list({
      workspaceId,
      sort: 'created_at',
      order: 'desc',
      limit: 10,
      q: '345 678',
    });
    expect(byPhone.items.map((item) => item.id)).toEqual([a.contact?.id]);

    await contacts.erase({
      workspaceId,
      contactId: a.contact?.id as string,
      actor: { kind: 'system' },
    });
    const left = await contacts.list({ workspaceId, sort: 'created_at', order: 'desc', limit: 10 });
    expect(left.items.map((item) => item.name)).toEqual(['Bình']);
  });
});
