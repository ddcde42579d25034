import {
  comparisonOperatorSchema,
  evaluateRuleGroup,
  matchesFilter,
  relativeDateOperatorSchema,
  ruleGroupSchema,
  type ConditionFacts,
  type RuleGroup,
} from '@loa/engine';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { explainColumns, leafOutcomes } from './explain-rule-sql';
import { explainTree } from './segment-explanation';
import { loadWorkspaceRuleFacts, ruleSqlContext } from './segment-rule-context';
import { matchingContacts } from './testing/matching-contacts';
import {
  connectTestDatabase,
  createWorkspace,
  defineAttribute,
  insertContact,
  insertEvent,
  insertSegment,
} from './testing/segment-fixtures';

/**
 * The contract between the two places the rule vocabulary meets: for random contacts, events and rule trees, the
 * SQL a segment compiles to selects exactly the contacts the engine's evaluator accepts, and the per-rule
 * explanation of every contact agrees with that selection.
 */
const NOW = new Date('2026-03-10T03:00:00.000Z');
const DAY = 86_400_000;
const TIMEZONE = 'Asia/Ho_Chi_Minh';
const CHANNELS = ['zns', 'oa', 'sms', 'email'] as const;

const text = fc.constantFrom('abc', 'Abd', 'Đà Nẵng', 'Đà Nẵng'.normalize('NFD'), 'đà', 'da nang', '', 'zz');
const city = fc.constantFrom('Đà Nẵng', 'Đà Nẵng'.normalize('NFD'), 'ĐÀ NẴNG', 'Đà');
const numericText = fc.constantFrom('1', '2.5', ' 3 ', '-4', '1e2');
const dateText = fc
  .integer({ min: -40, max: 40 })
  .map((days) => new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10));
const dateTimeText = fc
  .integer({ min: -40 * 24, max: 40 * 24 })
  .map((hours) => new Date(NOW.getTime() + hours * 3_600_000).toISOString());
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constant(2.5),
  text,
  numericText,
  fc.boolean(),
  fc.constant(null),
);
const untypedValue = fc.oneof(
  scalar,
  dateText,
  dateTimeText,
  fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), text), { maxLength: 3 }),
  fc.record({ x: fc.integer({ min: -3, max: 3 }) }),
);

const contactArbitrary = fc.record({
  hasPhone: fc.boolean(),
  hasEmail: fc.boolean(),
  tags: fc.subarray(['vip', 'new']),
  doNotContact: fc.boolean(),
  consents: fc.record(
    {
      zns: fc.constantFrom('granted', 'denied', 'unknown'),
      sms: fc.constantFrom('granted', 'denied'),
      email: fc.constantFrom('granted', 'denied'),
      oa: fc.constantFrom('granted', 'denied'),
    },
    { requiredKeys: [] },
  ),
  zaloFollower: fc.option(fc.boolean(), { nil: undefined }),
  inSegment: fc.boolean(),
  attributes: fc.record(
    {
      a: untypedValue,
      b: untypedValue,
      o: fc.record({ x: untypedValue }),
      city,
      n: fc.integer({ min: -5, max: 5 }),
      d: dateText,
      t: dateTimeText,
    },
    { requiredKeys: [] },
  ),
  events: fc.array(
    fc.record({
      name: fc.constantFrom('order', 'view'),
      hoursAgo: fc.integer({ min: -48, max: 45 * 24 }),
      total: fc.oneof(fc.integer({ min: 0, max: 5 }), text),
    }),
    { maxLength: 4 },
  ),
});
type GeneratedContact = typeof contactArbitrary extends fc.Arbitrary<infer T> ? T : never;

const comparisonOperator = fc.constantFrom(...comparisonOperatorSchema.options);
const expected = fc.oneof(scalar, city, dateText, fc.array(scalar, { maxLength: 3 }), fc.constant(undefined));
const field = fc.constantFrom('a', 'b', 'o.x', 'city', 'city', 'n', 'd', 't', 'missing');

function ruleArbitrary(segmentId: string) {
  const attribute = fc.oneof(
    fc.record({ kind: fc.constant('attribute'), field, operator: comparisonOperator, value: expected }),
    fc.record({
      kind: fc.constant('attribute'),
      field,
      operator: fc.constantFrom(...relativeDateOperatorSchema.options),
      period: fc.record({
        amount: fc.integer({ min: 1, max: 40 }),
        unit: fc.constantFrom('hours', 'days', 'weeks'),
      }),
    }),
  );
  const eventSeen = fc
    .record({
      kind: fc.constant('event_seen'),
      event: fc.constantFrom('order', 'view'),
      withinDays: fc.integer({ min: 1, max: 40 }),
      minCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      extra: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      filter: fc.option(
        fc.record({
          match: fc.constantFrom('all', 'any'),
          conditions: fc.array(
            fc.record({ field: fc.constant('total'), operator: comparisonOperator, value: expected }),
            {
              maxLength: 2,
            },
          ),
        }),
        { nil: undefined },
      ),
    })
    .map(({ extra, ...rule }) => ({
      ...rule,
      maxCount: extra === undefined ? undefined : (rule.minCount ?? 1) + extra,
    }));
  const leaf = fc.oneof(
    { weight: 4, arbitrary: attribute },
    fc.record({ kind: fc.constant('tag'), tag: fc.constantFrom('vip', 'new'), has: fc.boolean() }),
    { weight: 2, arbitrary: eventSeen },
    fc.record({
      kind: fc.constant('consent'),
      channel: fc.constantFrom(...CHANNELS),
      state: fc.constantFrom('granted', 'denied', 'unknown'),
    }),
    fc.record({
      kind: fc.constant('reachable'),
      channel: fc.constantFrom(...CHANNELS),
      reachable: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('segment'), segmentId: fc.constant(segmentId), member: fc.boolean() }),
  );
  const { group } = fc.letrec<{ group: unknown; item: unknown }>((tie) => ({
    group: fc.record({
      match: fc.constantFrom('all', 'any'),
      rules: fc.array(tie('item'), { minLength: 1, maxLength: 3 }),
    }),
    item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('group')),
  }));
  return group.map((raw) => ruleGroupSchema.parse(JSON.parse(JSON.stringify(raw))) as RuleGroup);
}

/** Phones and e-mail addresses are unique in a workspace: the n-th contact's own, when it has one. */
function identifiers(contact: GeneratedContact, index: number): { phone?: string; email?: string } {
  return {
    ...(contact.hasPhone && { phone: `84912345${String(index).padStart(3, '0')}` }),
    ...(contact.hasEmail && { email: `c${index}@example.vn` }),
  };
}

function engineFacts(contact: GeneratedContact, index: number, segmentId: string): ConditionFacts {
  const stored = JSON.parse(JSON.stringify(contact)) as GeneratedContact;
  const count: NonNullable<ConditionFacts['eventCount']> = (rule) =>
    stored.events.filter((event) => {
      const atMs = NOW.getTime() - event.hoursAgo * 3_600_000;
      return (
        event.name === rule.event &&
        atMs <= NOW.getTime() &&
        atMs >= NOW.getTime() - rule.withinDays * DAY &&
        matchesFilter(rule.filter, { total: event.total })
      );
    }).length;
  return {
    contact: {
      attributes: stored.attributes,
      tags: stored.tags,
      ...identifiers(stored, index),
      doNotContact: stored.doNotContact,
      consents: stored.consents,
      zaloFollower: stored.zaloFollower === true,
      segmentIds: stored.inSegment ? [segmentId] : [],
    },
    eventSeen: (rule) => count(rule) > 0,
    eventCount: count,
    sendOutcomes: {},
    nowMs: NOW.getTime(),
    timezone: TIMEZONE,
  };
}

/** The contacts whose explanation tree passes: explanations are computed per rule, membership per tree. */
async function explainedMembers(
  db: DataSource,
  input: { workspaceId: string; rule: RuleGroup },
): Promise<string[]> {
  const facts = await loadWorkspaceRuleFacts(db, input.workspaceId);
  const context = ruleSqlContext(facts, [input.workspaceId], NOW);
  const rows = (await db.query(
    `SELECT c.id, ${explainColumns(input.rule, context).join(', ')} FROM contacts c WHERE c.workspace_id = $1::uuid`,
    context.params.values,
  )) as Array<Record<string, unknown> & { id: string }>;
  return rows
    .filter((row) => explainTree(input.rule, leafOutcomes(input.rule, row)).passed)
    .map((row) => row.id)
    .sort();
}

describe('segment SQL and the engine evaluator agree', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(async () => db.destroy());

  it('select the same contacts for random rule trees, and explanations agree', async () => {
    const segmentId = '00000000-0000-4000-8000-000000000001';
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArbitrary, { minLength: 1, maxLength: 6 }),
        ruleArbitrary(segmentId),
        async (contacts, rule) => {
          const workspaceId = await createWorkspace(db, TIMEZONE);
          await defineAttribute(db, workspaceId, 'n', 'number');
          await defineAttribute(db, workspaceId, 'd', 'date');
          await defineAttribute(db, workspaceId, 't', 'datetime');
          const segment = await insertSegment(db, {
            workspaceId,
            rule: { match: 'all', rules: [{ kind: 'tag', tag: 'x' }] },
          });
          const local = (id: string) => (id === segmentId ? segment : id);
          const localRule = JSON.parse(JSON.stringify(rule).replaceAll(segmentId, segment)) as RuleGroup;
          const expectedIds: string[] = [];
          for (const [index, contact] of contacts.entries()) {
            const id = await insertContact(db, workspaceId, {
              ...identifiers(contact, index),
              tags: contact.tags,
              doNotContact: contact.doNotContact,
              consents: Object.fromEntries(
                Object.entries(contact.consents).map(([channel, state]) => [
                  channel,
                  { state, source: 'test' },
                ]),
              ),
              zaloFollower: contact.zaloFollower,
              attributes: contact.attributes,
            });
            if (contact.inSegment)
              await db.query(
                'INSERT INTO segment_memberships (segment_id, contact_id, workspace_id) VALUES ($1, $2, $3)',
                [segment, id, workspaceId],
              );
            for (const event of contact.events)
              await insertEvent(db, {
                workspaceId,
                contactId: id,
                name: event.name,
                at: new Date(NOW.getTime() - event.hoursAgo * 3_600_000),
                properties: { total: event.total },
              });
            if (evaluateRuleGroup(localRule, engineFacts(contact, index, local(segmentId))))
              expectedIds.push(id);
          }
          const selected = await matchingContacts(db, { workspaceId, rule: localRule, now: NOW });
          expect(selected).toEqual(expectedIds.sort());
          expect(await explainedMembers(db, { workspaceId, rule: localRule })).toEqual(selected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
