import { ruleGroupSchema, type RuleGroup } from '@loa/engine';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { SegmentMembership } from './segment-membership';
import { SegmentMembershipChanges } from './segment-membership-changes';
import { matchingContacts } from './testing/matching-contacts';
import {
  createWorkspace,
  defineAttribute,
  insertContact,
  insertEvent,
  insertSegment,
} from './testing/segment-fixtures';

/** The development database is embedded PGlite: the same migrations and compiled SQL must run there. */
describe('segments on PGlite', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions({ kind: 'pglite', dataDir: 'memory://' }));
    await db.initialize();
  });
  afterAll(async () => db.destroy());

  it('compiles and refreshes every rule kind', async () => {
    const now = new Date('2026-03-10T03:00:00Z');
    const workspaceId = await createWorkspace(db);
    await defineAttribute(db, workspaceId, 'birthday', 'date');
    const lan = await insertContact(db, workspaceId, {
      phone: '84912345678',
      attributes: { city: 'Đà Nẵng', birthday: '2026-03-12', spent: 5 },
      tags: ['vip'],
      consents: { zns: { state: 'granted' } },
      zaloFollower: true,
    });
    await insertContact(db, workspaceId, { attributes: { city: 'Huế', birthday: 'soon' } });
    await insertEvent(db, {
      workspaceId,
      contactId: lan,
      name: 'order',
      at: new Date('2026-03-09T00:00:00Z'),
    });
    const rule = ruleGroupSchema.parse({
      match: 'all',
      rules: [
        { kind: 'attribute', field: 'city', operator: 'contains', value: 'NẴNG' },
        {
          kind: 'attribute',
          field: 'birthday',
          operator: 'within_next',
          period: { amount: 3, unit: 'days' },
        },
        { kind: 'attribute', field: 'spent', operator: 'greater_than', value: '4' },
        { kind: 'tag', tag: 'vip' },
        { kind: 'event_seen', event: 'order', withinDays: 7, minCount: 1, maxCount: 2 },
        { kind: 'consent', channel: 'zns', state: 'granted' },
        {
          match: 'any',
          rules: [
            { kind: 'reachable', channel: 'oa' },
            { kind: 'reachable', channel: 'email' },
          ],
        },
      ],
    }) as RuleGroup;
    expect(await matchingContacts(db, { workspaceId, rule, now })).toEqual([lan]);
    const segmentId = await insertSegment(db, { workspaceId, rule });
    const refreshed = await new SegmentMembership(db, new SegmentMembershipChanges()).refreshSegment({
      workspaceId,
      segmentId,
      now,
    });
    expect(refreshed).toEqual([{ segmentId, entered: 1, left: 0 }]);
  });
});
