import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../http/problem';
import type { ContactIdentityKeys, ContactWrite } from '../contact-input';
import { ContactsService, type UpsertManyRow } from '../contacts.service';
import { contactsTestContext, createWorkspace, defineAttribute } from '../testing/contacts-test-module';
import type { UpsertMode } from './upsert-result';

// Small pools, so that rows of a batch and the contacts already there share phones, e-mails and external ids.
const phone = fc.constantFrom('0912345601', '+84912345602', '84 912 345 603', '0912345604', '12345');
const email = fc.constantFrom('a@x.vn', 'b@x.vn', 'B@X.vn', 'c@x.vn', 'bad@');
const externalId = fc.constantFrom('e1', 'e2', 'e3');
const zalo = fc.record({ oaId: fc.constant('oa1'), userId: fc.constantFrom('u1', 'u2') });

const match: fc.Arbitrary<ContactIdentityKeys> = fc.record(
  { externalId, phone, email, zalo },
  { requiredKeys: [] },
);
const write: fc.Arbitrary<ContactWrite> = fc.record(
  {
    name: fc.constantFrom('Lan', 'Minh', null),
    phone: fc.option(phone),
    email: fc.option(email),
    externalId: fc.option(externalId),
    attributes: fc.record(
      { age: fc.constantFrom<unknown>('30', 41, 'abc', null), city: fc.constantFrom('Huế', 'Đà Nẵng') },
      { requiredKeys: [] },
    ),
    tags: fc.record(
      { add: fc.subarray(['vip', 'new']), remove: fc.subarray(['vip', 'new']) },
      { requiredKeys: [] },
    ),
    doNotContact: fc.boolean(),
    consents: fc.record(
      {
        zns: fc.record({
          state: fc.constantFrom('granted' as const, 'denied' as const),
          source: fc.constantFrom('form', 'import'),
          at: fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
        }),
      },
      { requiredKeys: [] },
    ),
    zalo: fc.array(zalo, { maxLength: 1 }),
  },
  { requiredKeys: [] },
);
const row = fc.record({ match, write });
const mode = fc.constantFrom<UpsertMode>('create', 'update', 'both');

describe('ContactsService.upsertMany on PostgreSQL', () => {
  let context: INestApplicationContext;
  let contacts: ContactsService;
  let dataSource: DataSource;

  beforeAll(async () => {
    context = await contactsTestContext();
    contacts = context.get(ContactsService);
    dataSource = context.get(DataSource);
  });

  afterAll(async () => {
    await context.close();
  });

  async function workspace(): Promise<string> {
    const workspaceId = await createWorkspace(dataSource);
    await defineAttribute(dataSource, workspaceId, { key: 'age', type: 'number' });
    return workspaceId;
  }

  async function sequentially(
    workspaceId: string,
    rows: { match: ContactIdentityKeys; write: ContactWrite }[],
    rowMode: UpsertMode,
  ): Promise<UpsertManyRow[]> {
    const results: UpsertManyRow[] = [];
    for (const input of rows) {
      try {
        const result = await contacts.upsert({ workspaceId, ...input, mode: rowMode, cause: 'contact' });
        results.push({ ok: true, result });
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        const { detail, extra } = error;
        results.push({ ok: false, status: error.getStatus(), detail, errors: extra.errors ?? [] });
      }
    }
    return results;
  }

  /** Results and contact rows with ids named by first appearance and times left out, comparable across workspaces. */
  async function canonical(workspaceId: string, results: UpsertManyRow[]) {
    const names = new Map<string, string>();
    const name = (id: string) => {
      if (!names.has(id)) names.set(id, `contact-${names.size}`);
      return names.get(id) as string;
    };
    const renamed = JSON.parse(
      JSON.stringify(results, (key, value: unknown) => {
        if (key === 'createdAt' || key === 'updatedAt') return undefined;
        if ((key === 'id' || key === 'contactId') && typeof value === 'string') return name(value);
        if (key === 'mergedContactIds') return (value as string[]).map(name);
        return value;
      }),
    ) as unknown;
    const rows = (await dataSource.query(
      `SELECT id, external_id, phone, email, name, attributes, tags, score, do_not_contact, consents, merged_into,
              erased_at IS NOT NULL AS erased
         FROM contacts WHERE workspace_id = $1`,
      [workspaceId],
    )) as { id: string; merged_into: string | null }[];
    const identities = (await dataSource.query(
      `SELECT contact_id, oa_id, external_user_id, follower, followed_at FROM contact_identities
        WHERE workspace_id = $1 ORDER BY oa_id, external_user_id`,
      [workspaceId],
    )) as { contact_id: string }[];
    return {
      results: renamed,
      contacts: rows
        .map((contact) => ({
          ...contact,
          id: name(contact.id),
          merged_into: contact.merged_into && name(contact.merged_into),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      identities: identities.map((identity) => ({ ...identity, contact_id: name(identity.contact_id) })),
    };
  }

  it('gives the results and contacts that upserting the rows one after the other gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 6 }),
        fc.array(row, { minLength: 1, maxLength: 14 }),
        mode,
        async (seeds, rows, batchMode) => {
          const [batched, single] = [await workspace(), await workspace()];
          const seededBatched = await sequentially(batched, seeds, 'both');
          const seededSingle = await sequentially(single, seeds, 'both');

          const many = await contacts.upsertMany({
            workspaceId: batched,
            rows,
            mode: batchMode,
            cause: 'contact',
          });
          const oneByOne = await sequentially(single, rows, batchMode);
          expect(await canonical(batched, [...seededBatched, ...many])).toEqual(
            await canonical(single, [...seededSingle, ...oneByOne]),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
