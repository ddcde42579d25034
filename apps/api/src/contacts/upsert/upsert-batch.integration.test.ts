import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NormalizedUpsert } from '../normalize-write';
import { contactsTestContext, createWorkspace } from '../testing/contacts-test-module';
import type { BatchRow } from './plan-batch';
import { upsertBatchRound } from './upsert-batch';

const rows = (...upserts: Partial<NormalizedUpsert>[]): BatchRow[] =>
  upserts.map((upsert, index) => ({ index, upsert: { match: {}, write: {}, zalo: [], ...upsert } }));

describe.each([
  ['PostgreSQL', {}],
  ['embedded PGlite', { DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://' }],
])('a batch round on %s', (_engine, env) => {
  let context: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    context = await contactsTestContext(env);
    dataSource = context.get(DataSource);
  });

  afterAll(async () => {
    await context.close();
  });

  it('writes creates and updates together, defers repeats and leaves merges to the one-row upsert', async () => {
    const workspaceId = await createWorkspace(dataSource);
    const round = (batch: BatchRow[]) =>
      dataSource.transaction((manager) =>
        upsertBatchRound(manager, { workspaceId, rows: batch, mode: 'both' }),
      );

    const first = await round(
      rows(
        {
          match: { phone: '84912345601' },
          write: { name: 'Lan', attributes: { age: 30 }, tags: { add: ['vip', 'new'], remove: [] } },
        },
        { match: { email: 'minh@x.vn' }, write: { name: 'Minh' } },
        { match: { phone: '84912345601' }, write: { name: 'Lan Nguyễn' } },
      ),
    );
    expect([...first.written.keys()].sort()).toEqual([0, 1]);
    expect(first.written.get(0)).toMatchObject({
      outcome: 'created',
      contact: { phone: '84912345601', name: 'Lan', attributes: { age: 30 }, tags: ['vip', 'new'] },
    });
    expect(first.deferred.map((row) => row.index)).toEqual([2]);
    expect(first.single).toEqual([]);

    const second = await round(
      rows(
        {
          match: { phone: '84912345601' },
          write: { email: 'lan@x.vn', tags: { add: ['b2b'], remove: ['new'] } },
        },
        { match: { phone: '84912345602', email: 'minh@x.vn' }, write: {} },
        { match: { externalId: 'crm-1', email: 'lan@x.vn' }, write: {} },
      ),
    );
    expect(second.written.get(0)).toMatchObject({
      outcome: 'updated',
      contact: { id: first.written.get(0)?.contact?.id, email: 'lan@x.vn', tags: ['vip', 'b2b'] },
    });
    expect(second.written.get(1)).toMatchObject({
      outcome: 'updated',
      contact: { id: first.written.get(1)?.contact?.id, phone: '84912345602' },
    });
    // Row 2 names lan@x.vn, which row 0 writes: it waits for the next round.
    expect(second.deferred.map((row) => row.index)).toEqual([2]);

    const merge = await round(rows({ match: { phone: '84912345601', email: 'minh@x.vn' }, write: {} }));
    expect(merge).toMatchObject({ written: new Map(), single: [{ index: 0 }], deferred: [] });
  });
});
