import { ruleGroupSchema, type RuleGroup } from '@loa/engine';
import type { DataSource } from 'typeorm';
import {
  connectTestDatabase,
  createWorkspace,
  defineAttribute,
  insertContact,
  insertEvent,
  insertSegment,
} from './testing/segment-fixtures';
import { matchingContacts } from './testing/matching-contacts';

const NOW = new Date('2026-03-10T03:00:00Z'); // 10:00 in Ho Chi Minh City
const DAY = 86_400_000;

describe('compileRuleGroup on PostgreSQL', () => {
  let db: DataSource;
  let workspaceId: string;
  const ids: Record<string, string> = {};

  const select = (rules: unknown[], match: 'all' | 'any' = 'all') =>
    matchingContacts(db, {
      workspaceId,
      rule: ruleGroupSchema.parse({ match, rules }) as RuleGroup,
      now: NOW,
    });
  const names = async (rules: unknown[], match: 'all' | 'any' = 'all') => {
    const selected = new Set(await select(rules, match));
    return Object.keys(ids)
      .filter((name) => selected.has(ids[name] as string))
      .sort();
  };

  beforeAll(async () => {
    db = await connectTestDatabase();
    workspaceId = await createWorkspace(db);
    await defineAttribute(db, workspaceId, 'birthday', 'date');
    await defineAttribute(db, workspaceId, 'lastOrderAt', 'datetime');
    await defineAttribute(db, workspaceId, 'spent', 'number');
    ids.lan = await insertContact(db, workspaceId, {
      phone: '84912345678',
      attributes: {
        city: 'Đà Nẵng',
        spent: 1_500_000,
        birthday: '2026-03-15',
        lastOrderAt: '2026-03-09T01:00:00.000Z',
      },
      tags: ['vip'],
      consents: { sms: { state: 'granted', source: 'form' } },
      zaloFollower: true,
    });
    ids.minh = await insertContact(db, workspaceId, {
      email: 'minh@example.vn',
      attributes: {
        city: 'Hà Nội',
        spent: 200_000,
        birthday: '1990-01-01',
        lastOrderAt: '2025-12-01T00:00:00.000Z',
      },
      consents: { email: { state: 'denied', source: 'unsubscribe' } },
    });
    ids.hoa = await insertContact(db, workspaceId, {
      phone: '84987654321',
      attributes: { city: 'da nang', spent: '900000' },
      doNotContact: true,
      zaloFollower: false,
    });
    await insertContact(db, workspaceId, { attributes: { city: 'Đà Nẵng' }, tags: ['vip'], erased: true });
    for (const daysAgo of [1, 10])
      await insertEvent(db, {
        workspaceId,
        contactId: ids.lan,
        name: 'order_completed',
        at: new Date(NOW.getTime() - daysAgo * DAY),
        properties: { total: 500_000 },
      });
    await insertEvent(db, {
      workspaceId,
      contactId: ids.minh,
      name: 'order_completed',
      at: new Date(NOW.getTime() - 40 * DAY),
    });
  });

  afterAll(async () => db.destroy());

  it('compares attributes as the engine does (NFC text, numbers, contains case-insensitively)', async () => {
    expect(await names([{ kind: 'attribute', field: 'city', operator: 'equals', value: 'Đà Nẵng' }])).toEqual(
      ['lan'],
    );
    expect(await names([{ kind: 'attribute', field: 'city', operator: 'contains', value: 'NẴNG' }])).toEqual([
      'lan',
    ]);
    expect(
      await names([{ kind: 'attribute', field: 'spent', operator: 'greater_than', value: 500_000 }]),
    ).toEqual(['lan']);
    expect(await names([{ kind: 'attribute', field: 'city', operator: 'not_exists' }])).toEqual([]);
    expect(
      await names([{ kind: 'attribute', field: 'city', operator: 'in', value: ['Hà Nội', 'da nang'] }]),
    ).toEqual(['hoa', 'minh']);
  });

  it('compares text in NFC, however it was stored', async () => {
    const otherWorkspace = await createWorkspace(db);
    const decomposed = await insertContact(db, otherWorkspace, {
      attributes: { city: 'Đà Nẵng'.normalize('NFD') },
    });
    const rule = (operator: string, value: unknown) =>
      ruleGroupSchema.parse({
        match: 'all',
        rules: [{ kind: 'attribute', field: 'city', operator, value }],
      }) as RuleGroup;
    for (const [operator, value] of [
      ['equals', 'Đà Nẵng'],
      ['contains', 'ĐÀ NẴNG'],
      ['in', ['Huế', 'Đà Nẵng']],
    ] as const)
      expect(
        await matchingContacts(db, { workspaceId: otherWorkspace, rule: rule(operator, value), now: NOW }),
      ).toEqual([decomposed]);
  });

  it('compares dates by calendar day in the workspace timezone and date-times as instants', async () => {
    const within = (field: string, operator: string, amount: number) => [
      { kind: 'attribute', field, operator, period: { amount, unit: 'days' } },
    ];
    expect(await names(within('birthday', 'within_next', 5))).toEqual(['lan']);
    expect(await names(within('birthday', 'within_next', 4))).toEqual([]);
    expect(await names(within('birthday', 'more_than_ago', 365))).toEqual(['minh']);
    expect(await names(within('lastOrderAt', 'within_last', 7))).toEqual(['lan']);
    expect(await names(within('lastOrderAt', 'more_than_ago', 30))).toEqual(['minh']);
  });

  it('counts events within the window, with property filters', async () => {
    const orders = (extra: object) => [
      { kind: 'event_seen', event: 'order_completed', withinDays: 30, ...extra },
    ];
    expect(await names(orders({}))).toEqual(['lan']);
    expect(await names(orders({ minCount: 2 }))).toEqual(['lan']);
    expect(await names(orders({ minCount: 3 }))).toEqual([]);
    expect(await names(orders({ minCount: 0, maxCount: 0 }))).toEqual(['hoa', 'minh']);
    expect(await names([{ kind: 'event_seen', event: 'order_completed', withinDays: 60 }])).toEqual([
      'lan',
      'minh',
    ]);
    const filter = {
      match: 'all',
      conditions: [{ field: 'total', operator: 'greater_or_equal', value: 500_000 }],
    };
    expect(await names(orders({ filter, minCount: 2 }))).toEqual(['lan']);
  });

  it('reads tags, consents and reachability', async () => {
    expect(await names([{ kind: 'tag', tag: 'vip' }])).toEqual(['lan']);
    expect(await names([{ kind: 'tag', tag: 'vip', has: false }])).toEqual(['hoa', 'minh']);
    expect(await names([{ kind: 'consent', channel: 'sms', state: 'granted' }])).toEqual(['lan']);
    expect(await names([{ kind: 'consent', channel: 'email', state: 'unknown' }])).toEqual(['hoa', 'lan']);
    expect(await names([{ kind: 'reachable', channel: 'sms' }])).toEqual(['lan']);
    expect(await names([{ kind: 'reachable', channel: 'email' }])).toEqual([]);
    expect(await names([{ kind: 'reachable', channel: 'oa' }])).toEqual(['lan']);
    expect(await names([{ kind: 'reachable', channel: 'zns', reachable: false }])).toEqual(['hoa', 'minh']);
  });

  it('checks membership of another segment and combines groups', async () => {
    const vip = await insertSegment(db, {
      workspaceId,
      rule: { match: 'all', rules: [{ kind: 'tag', tag: 'vip' }] },
    });
    await db.query(
      'INSERT INTO segment_memberships (segment_id, contact_id, workspace_id) VALUES ($1, $2, $3)',
      [vip, ids.lan, workspaceId],
    );
    expect(await names([{ kind: 'segment', segmentId: vip }])).toEqual(['lan']);
    expect(await names([{ kind: 'segment', segmentId: vip, member: false }])).toEqual(['hoa', 'minh']);
    expect(
      await names(
        [
          { kind: 'segment', segmentId: vip },
          {
            match: 'all',
            rules: [
              { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
              { kind: 'reachable', channel: 'email', reachable: false },
            ],
          },
        ],
        'any',
      ),
    ).toEqual(['lan', 'minh']);
  });
});
