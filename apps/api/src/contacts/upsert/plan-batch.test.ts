import type { ContactRow } from '../contact-view';
import type { NormalizedUpsert } from '../normalize-write';
import { type BatchRow, planBatch, planUpdate } from './plan-batch';

function contact(id: string, values: Partial<ContactRow> = {}): ContactRow {
  return {
    id,
    workspace_id: 'w',
    external_id: null,
    phone: null,
    email: null,
    name: null,
    attributes: {},
    tags: [],
    score: 0,
    do_not_contact: false,
    consents: {},
    created_at: new Date(0),
    updated_at: new Date(0),
    erased_at: null,
    merged_into: null,
    ...values,
  };
}

const rows = (...upserts: Partial<NormalizedUpsert>[]): BatchRow[] =>
  upserts.map((upsert, index) => ({ index, upsert: { match: {}, write: {}, zalo: [], ...upsert } }));

describe('planBatch', () => {
  const lan = contact('c-lan', { phone: '84912345678', email: 'lan@x.vn' });
  const minh = contact('c-minh', { email: 'minh@x.vn' });
  const holders = new Map<string, ContactRow | string>([
    ['phone:84912345678', lan],
    ['email:lan@x.vn', lan],
    ['email:minh@x.vn', minh],
  ]);

  it('creates rows that find nobody, updates rows that find one contact and skips by mode', () => {
    const batch = rows({ match: { phone: '84900000001' } }, { match: { email: 'lan@x.vn' } });
    expect(planBatch(batch, holders, 'both').map((plan) => plan.kind)).toEqual(['create', 'update']);
    expect(planBatch(batch, holders, 'update')[0]).toMatchObject({
      kind: 'skip',
      result: { skippedReason: 'not_found' },
    });
    expect(planBatch(batch, holders, 'create')[1]).toMatchObject({
      kind: 'skip',
      result: { skippedReason: 'exists', existing: [{ kind: 'email', contactId: 'c-lan' }] },
    });
  });

  it('defers a row that shares an identity or a contact with an earlier row to the next round', () => {
    const batch = rows(
      { match: { phone: '84900000001' } },
      { match: { phone: '84900000001' } },
      { match: { phone: '84912345678' } },
      { match: { email: 'lan@x.vn' } },
    );
    expect(planBatch(batch, holders, 'both').map((plan) => plan.kind)).toEqual([
      'create',
      'defer',
      'update',
      'defer',
    ]);
  });

  it('leaves to the one-row upsert merges, Zalo identities, taken identifiers and contacts no longer live', () => {
    const gone = new Map<string, ContactRow | string>([
      ['phone:84900000009', contact('c-gone', { phone: '84900000009', erased_at: new Date() })],
    ]);
    expect(planBatch(rows({ match: { phone: '84912345678', email: 'minh@x.vn' } }), holders, 'both')).toEqual(
      [{ kind: 'single' }],
    );
    expect(
      planBatch(
        rows({ match: { phone: '84900000001' }, zalo: [{ oaId: 'oa', userId: 'u' }] }),
        holders,
        'both',
      ),
    ).toEqual([{ kind: 'single' }]);
    expect(
      planBatch(rows({ match: { phone: '84900000001' }, write: { email: 'minh@x.vn' } }), holders, 'both'),
    ).toEqual([{ kind: 'single' }]);
    expect(planBatch(rows({ match: { phone: '84900000009' } }), gone, 'both')).toEqual([{ kind: 'single' }]);
  });
});

describe('planUpdate', () => {
  const lan = contact('c-lan', { phone: '84912345678', name: 'Lan', tags: ['vip'] });
  const matches = [{ kind: 'phone' as const, contactId: 'c-lan' }];

  it('attaches match keys the contact lacks, reports those it holds otherwise and applies the write', () => {
    const update = planUpdate(
      contact('c-lan', { ...lan, external_id: 'crm-1' }),
      {
        match: { phone: '84912345678', externalId: 'crm-2', email: 'lan@x.vn' },
        write: { tags: { add: ['new'], remove: [] } },
        zalo: [],
      },
      matches,
      new Map(),
    );
    expect(update).toMatchObject({
      changed: true,
      state: { externalId: 'crm-1', email: 'lan@x.vn', tags: ['vip', 'new'] },
      conflicts: [{ key: 'externalId', contactId: 'c-lan', conflictingKind: 'externalId' }],
    });
  });

  it('is unchanged when the write repeats what the contact holds, and refuses an identifier another contact holds', () => {
    const upsert = { match: { phone: '84912345678' }, write: { name: 'Lan' }, zalo: [] };
    expect(planUpdate(lan, upsert, matches, new Map())).toMatchObject({ changed: false, conflicts: [] });
    const taken = new Map<string, ContactRow | string>([['email:minh@x.vn', contact('c-minh')]]);
    expect(planUpdate(lan, { ...upsert, write: { email: 'minh@x.vn' } }, matches, taken)).toBeNull();
  });
});
