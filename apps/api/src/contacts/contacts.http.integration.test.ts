import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import type { ContactView } from './contact-view';

interface Page {
  items: ContactView[];
  nextCursor: string | null;
}

describe('/contacts over HTTP (real PostgreSQL)', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const create = async (body: object) =>
    (await ws.as.marketer.post('/contacts').send(body).expect(201)).body as ContactView;
  const list = async (query: string) =>
    (await ws.as.readKey.get(`/contacts?${query}`).expect(200)).body as Page;

  it('creates a contact with its phone normalised, and answers 409 naming phone for the same number again', async () => {
    const contact = await create({ phone: '0912 345 678', name: 'Lan', tags: { add: ['http-create'] } });
    expect(contact).toMatchObject({ phone: '84912345678', name: 'Lan', tags: ['http-create'] });

    const again = await ws.as.writeKey.post('/contacts').send({ phone: '+84912345678' }).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ contactId: contact.id, errors: [{ field: 'phone' }] });
  });

  it('answers 422 naming phone for an invalid number, and names unknown fields', async () => {
    const invalid = await ws.as.marketer.post('/contacts').send({ phone: '12345' }).expect(422);
    expect(invalid.body.errors).toEqual([
      { in: 'body', field: 'phone', message: 'is not a valid Vietnamese mobile number' },
    ]);
    const unknown = await ws.as.marketer
      .post('/contacts')
      .send({ phone: '0912345679', colour: 'red' })
      .expect(422);
    expect(JSON.stringify(unknown.body.errors)).toContain('colour');
  });

  it('answers 422 naming the field for a date-time in year 0, which PostgreSQL cannot store', async () => {
    const response = await ws.as.marketer
      .post('/contacts')
      .send({ zalo: [{ oaId: 'oa-year-0', userId: 'u-year-0', followedAt: '0000-01-01T00:00:00Z' }] })
      .expect(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ in: 'body', field: 'zalo.0.followedAt' }),
    ]);
  });

  it('lets every role read and only admins, marketers and write keys write', async () => {
    const contact = await create({ externalId: 'http-access' });
    await ws.as.analyst.get(`/contacts/${contact.id}`).expect(200);
    await ws.as.readKey.get(`/contacts/${contact.id}`).expect(200);
    await ws.as.analyst.patch(`/contacts/${contact.id}`).send({ name: 'x' }).expect(403);
    await ws.as.readKey.patch(`/contacts/${contact.id}`).send({ name: 'x' }).expect(403);
    await ws.as.ingestKey.get(`/contacts/${contact.id}`).expect(403);
    await ws.as.anonymous.get(`/contacts/${contact.id}`).expect(401);
    const patched = await ws.as.admin.patch(`/contacts/${contact.id}`).send({ name: 'Hoa' }).expect(200);
    expect(patched.body.name).toBe('Hoa');
  });

  it('answers 404 for another workspace’s contact, on every route', async () => {
    const contact = await create({ externalId: 'http-mine' });
    await other.as.admin.get(`/contacts/${contact.id}`).expect(404);
    await other.as.admin.patch(`/contacts/${contact.id}`).send({ name: 'x' }).expect(404);
    await other.as.admin.delete(`/contacts/${contact.id}`).expect(404);
    const theirs = (await other.as.readKey.get('/contacts?q=http-mine').expect(200)).body as Page;
    expect(theirs.items).toEqual([]);
  });

  it('upserts by any identity and merges, and a merged contact’s id answers 404 with mergedInto', async () => {
    const byId = await create({ externalId: 'http-merge' });
    const byPhone = await create({ phone: '0933000111', tags: { add: ['from-phone'] } });
    const merged = await ws.as.writeKey
      .put('/contacts')
      .send({ match: { externalId: 'http-merge', phone: '0933 000 111' }, name: 'Minh' })
      .expect(200);
    expect(merged.body).toMatchObject({
      outcome: 'merged',
      mergedContactIds: [byPhone.id],
      contact: { id: byId.id, phone: '84933000111', name: 'Minh', tags: ['from-phone'] },
    });
    const gone = await ws.as.readKey.get(`/contacts/${byPhone.id}`).expect(404);
    expect(gone.body.mergedInto).toBe(byId.id);

    const created = await ws.as.writeKey
      .put('/contacts')
      .send({ match: { email: 'New@Example.vn' } })
      .expect(200);
    expect(created.body).toMatchObject({ outcome: 'created', contact: { email: 'new@example.vn' } });
    await ws.as.writeKey.put('/contacts').send({ match: {} }).expect(422);
  });

  it('erases personal data with 204, keeping the row and its events as anonymous counts', async () => {
    const contact = await create({
      phone: '0944000222',
      name: 'Erase me',
      attributes: { city: 'Huế' },
      zalo: [{ oaId: 'oa-erase', userId: 'zu-erase' }],
    });
    await db.query(
      `INSERT INTO events (workspace_id, message_id, type, name, user_id, contact_id, properties, traits, timestamp)
       VALUES ($1, 'erase-1', 'track', 'Viewed', 'u-erase', $2, '{"phone":"0944000222"}', '{"name":"Erase me"}', now()),
              ($1, 'erase-2', 'track', 'Viewed', 'u-erase', $2, '{}', '{}', now())`,
      [ws.workspaceId, contact.id],
    );
    const [account] = (await db.query(
      `INSERT INTO channel_accounts (workspace_id, kind, name, settings, status)
       VALUES ($1, 'smtp', 'Erase mail', '{}', 'connected') RETURNING id`,
      [ws.workspaceId],
    )) as Array<{ id: string }>;
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, contact_id, recipient,
         status, error_code, error_message)
       VALUES ($1, 'erase-mail-1', 'email', 'marketing', $2, $3, 'erase@example', 'failed', '550',
         '550 <erase@example> mailbox unavailable')`,
      [ws.workspaceId, account!.id, contact.id],
    );
    await ws.as.marketer.delete(`/contacts/${contact.id}`).expect(204);

    await ws.as.readKey.get(`/contacts/${contact.id}`).expect(404);
    const [row] = (await db.query('SELECT * FROM contacts WHERE id = $1', [contact.id])) as Record<
      string,
      unknown
    >[];
    expect(row).toMatchObject({ phone: null, name: null, attributes: {}, tags: [], consents: {} });
    expect(row.erased_at).not.toBeNull();
    const events = (await db.query(
      'SELECT name, user_id, properties, traits FROM events WHERE contact_id = $1 ORDER BY message_id',
      [contact.id],
    )) as unknown[];
    expect(events).toEqual([
      { name: 'Viewed', user_id: null, properties: {}, traits: {} },
      { name: 'Viewed', user_id: null, properties: {}, traits: {} },
    ]);
    const identities = (await db.query('SELECT 1 FROM contact_identities WHERE contact_id = $1', [
      contact.id,
    ])) as [];
    expect(identities).toHaveLength(0);
    const ledger = (await db.query(
      'SELECT status, error_code, recipient, error_message FROM messages WHERE contact_id = $1',
      [contact.id],
    )) as unknown[];
    expect(ledger).toEqual([{ status: 'failed', error_code: '550', recipient: null, error_message: null }]);
    const audit = (await db.query(`SELECT action FROM audit_log WHERE target_id = $1`, [
      contact.id,
    ])) as unknown[];
    expect(audit).toEqual([{ action: 'contact.erased' }]);

    const again = await create({ phone: '0944000222' });
    expect(again.id).not.toBe(contact.id);
  });

  it('filters by tag, phone and e-mail presence, do-not-contact, consent and attribute', async () => {
    await ws.as.admin.post('/contacts/attributes').send({ key: 'orders', type: 'number' }).expect(201);
    const tag = 'http-filter';
    const hanoi = await create({
      phone: '0955000001',
      attributes: { city: 'Hà Nội', orders: 3 },
      tags: { add: [tag] },
      consents: { sms: { state: 'granted', source: 'form' } },
    });
    const hue = await create({
      email: 'hue@example.vn',
      attributes: { city: 'Huế', orders: 12 },
      tags: { add: [tag] },
      doNotContact: true,
    });
    const ids = (page: Page) => page.items.map((item) => item.id).sort();
    expect(ids(await list(`tag=${tag}`))).toEqual([hanoi.id, hue.id].sort());
    expect(await list(`tag=${tag}&limit=1&count=true`)).toMatchObject({ items: [{}], total: 2 });
    expect(ids(await list(`tag=${tag}&hasPhone=true`))).toEqual([hanoi.id]);
    expect(ids(await list(`tag=${tag}&hasEmail=true`))).toEqual([hue.id]);
    expect(ids(await list(`tag=${tag}&doNotContact=true`))).toEqual([hue.id]);
    expect(ids(await list(`tag=${tag}&consent.sms=granted`))).toEqual([hanoi.id]);
    expect(ids(await list(`tag=${tag}&consent.sms=unknown`))).toEqual([hue.id]);
    expect(ids(await list(`tag=${tag}&attr.city=${encodeURIComponent('Hà Nội')}`))).toEqual([hanoi.id]);
    expect(ids(await list(`tag=${tag}&attr.orders=12`))).toEqual([hue.id]);

    const typed = await ws.as.readKey.get(`/contacts?attr.orders=many`).expect(422);
    expect(typed.body.errors).toEqual([{ in: 'query', field: 'attr.orders', message: 'must be a number' }]);
    const unknown = await ws.as.readKey.get(`/contacts?colour=red`).expect(422);
    expect(unknown.body.errors[0].field).toBe('colour');
  });

  it('searches by part of a phone in any format, by name word prefix, e-mail and external id prefix', async () => {
    const contact = await create({
      phone: '0966 123 456',
      name: 'Nguyễn Thị Mai',
      email: 'mai.nguyen@example.vn',
      externalId: 'crm-7788',
    });
    for (const q of ['0966 123', '123456', '+84966123456', 'Mai', 'nguy', 'mai.ng', 'crm-77'])
      expect((await list(`q=${encodeURIComponent(q)}`)).items.map((item) => item.id)).toContain(contact.id);
    expect((await list(`q=${encodeURIComponent('ai.nguyen')}`)).items.map((item) => item.id)).not.toContain(
      contact.id,
    );
  });

  it('walks every contact exactly once by cursor while others are being inserted', async () => {
    const tag = 'http-walk';
    const originals = new Set<string>();
    for (let index = 0; index < 45; index += 1)
      originals.add((await create({ name: `Walker ${index % 7}`, tags: { add: [tag] } })).id);

    for (const sort of ['created_at', 'name', 'updated_at'])
      for (const order of ['asc', 'desc']) {
        let walking = true;
        const inserter = (async () => {
          let inserted = 0;
          while (walking) {
            await create({ name: `Walker ${inserted % 7}`, tags: { add: [tag, 'late'] } });
            inserted += 1;
          }
          return inserted;
        })();
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query = `tag=${tag}&sort=${sort}&order=${order}&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
          const page = await list(query);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        walking = false;
        expect(await inserter).toBeGreaterThan(0);
        expect(seen.filter((id) => originals.has(id))).toHaveLength(originals.size);
        expect(new Set(seen).size).toBe(seen.length);
      }

    const bad = await ws.as.readKey.get(`/contacts?cursor=not-a-cursor`).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'cursor' })]);
    const first = await list(`tag=${tag}&limit=1`);
    await ws.as.readKey.get(`/contacts?sort=name&cursor=${first.nextCursor}`).expect(422);
    await ws.as.readKey.get(`/contacts?limit=201`).expect(422);
  });

  it('documents every contacts route, with the list filters, in the OpenAPI document', async () => {
    const document = (await ws.as.anonymous.get('/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(Object.keys(document.paths['/contacts']).sort()).toEqual(['get', 'post', 'put']);
    expect(Object.keys(document.paths['/contacts/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(document.paths['/contacts/attributes/{key}']).sort()).toEqual(['delete', 'patch']);
    const parameters = document.paths['/contacts'].get.parameters?.map((parameter) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining(['q', 'tag', 'sort', 'order', 'limit', 'cursor']));
  });

  describe('attribute definitions', () => {
    it('defines, lists, retypes (converting values or refusing with a count) and forgets attributes', async () => {
      await ws.as.analyst.post('/contacts/attributes').send({ key: 'tier', type: 'string' }).expect(403);
      const defined = await ws.as.marketer
        .post('/contacts/attributes')
        .send({ key: 'tier', label: 'Tier', type: 'enum', enumValues: ['gold', 'silver'] })
        .expect(201);
      expect(defined.body).toMatchObject({ key: 'tier', type: 'enum', enumValues: ['gold', 'silver'] });
      await ws.as.marketer.post('/contacts/attributes').send({ key: 'tier', type: 'string' }).expect(409);
      await ws.as.marketer.post('/contacts/attributes').send({ key: 'bad key', type: 'string' }).expect(422);
      await ws.as.marketer.post('/contacts/attributes').send({ key: 'colour', type: 'enum' }).expect(422);
      const listed = await ws.as.readKey.get('/contacts/attributes').expect(200);
      expect(listed.body.items.map((item: { key: string }) => item.key)).toContain('tier');

      const refused = await ws.as.marketer
        .post('/contacts')
        .send({ attributes: { tier: 'bronze' } })
        .expect(422);
      expect(refused.body.errors).toEqual([
        { in: 'body', field: 'attributes.tier', message: 'must be one of: gold, silver' },
      ]);

      await create({ attributes: { visits: '7' } });
      await create({ attributes: { visits: 'often' } });
      const conflict = await ws.as.marketer
        .post('/contacts/attributes')
        .send({ key: 'visits', type: 'number' })
        .expect(409);
      expect(conflict.body.invalidCount).toBe(1);

      const numeric = await create({ attributes: { age: '41' } });
      await ws.as.marketer.post('/contacts/attributes').send({ key: 'age', type: 'string' }).expect(201);
      await ws.as.marketer.patch('/contacts/attributes/age').send({ type: 'number' }).expect(200);
      const converted = await ws.as.readKey.get(`/contacts/${numeric.id}`).expect(200);
      expect(converted.body.attributes.age).toBe(41);

      await ws.as.marketer.delete('/contacts/attributes/age').expect(204);
      await ws.as.marketer.delete('/contacts/attributes/age').expect(404);
      await other.as.admin.patch('/contacts/attributes/tier').send({ label: 'x' }).expect(404);
    });
  });
});
