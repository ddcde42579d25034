import { ruleGroupSchema, ruleSchema, type Rule } from '../graph/nodes/branch-nodes.schema';
import { evaluateRule, type ConditionFacts } from './evaluate-rule';

const NOW = Date.parse('2026-03-10T03:00:00Z'); // 10:00 in Ho Chi Minh City

function facts(overrides: Partial<ConditionFacts['contact']> = {}, counts: number[] = []): ConditionFacts {
  return {
    contact: { attributes: {}, tags: [], ...overrides },
    eventSeen: () => (counts[0] ?? 0) > 0,
    eventCount: () => counts[0] ?? 0,
    sendOutcomes: {},
    nowMs: NOW,
    timezone: 'Asia/Ho_Chi_Minh',
  };
}

const rule = (input: unknown): Rule => ruleSchema.parse(input);

describe('relative date attribute rules', () => {
  const lastWeek = rule({
    kind: 'attribute',
    field: 'signedUp',
    operator: 'within_last',
    period: { amount: 7, unit: 'days' },
  });

  it('compares dates by calendar day in the workspace timezone', () => {
    expect(evaluateRule(lastWeek, facts({ attributes: { signedUp: '2026-03-03' } }))).toBe(true);
    expect(evaluateRule(lastWeek, facts({ attributes: { signedUp: '2026-03-02' } }))).toBe(false);
    expect(evaluateRule(lastWeek, facts({ attributes: { signedUp: '2026-03-11' } }))).toBe(false);
  });

  it('compares date-times as instants', () => {
    expect(evaluateRule(lastWeek, facts({ attributes: { signedUp: '2026-03-03T03:00:00.000Z' } }))).toBe(
      true,
    );
    expect(evaluateRule(lastWeek, facts({ attributes: { signedUp: '2026-03-03T02:59:59.999Z' } }))).toBe(
      false,
    );
    expect(evaluateRule(lastWeek, facts({ attributes: { signedUp: '2026-03-03T09:59:00+07:00' } }))).toBe(
      false,
    );
  });

  it('looks ahead with within_next and more_than_ahead, back with more_than_ago', () => {
    const renewal = (operator: string, value: string) =>
      evaluateRule(
        rule({ kind: 'attribute', field: 'renewal', operator, period: { amount: 2, unit: 'weeks' } }),
        facts({ attributes: { renewal: value } }),
      );
    expect(renewal('within_next', '2026-03-24')).toBe(true);
    expect(renewal('within_next', '2026-03-25')).toBe(false);
    expect(renewal('more_than_ahead', '2026-03-25')).toBe(true);
    expect(renewal('more_than_ago', '2026-02-23')).toBe(true);
    expect(renewal('more_than_ago', '2026-02-24')).toBe(false);
  });

  it('never matches values that are not dates', () => {
    for (const signedUp of ['yesterday', 20260303, '2026-02-30', null])
      expect(evaluateRule(lastWeek, facts({ attributes: { signedUp } }))).toBe(false);
  });

  it('requires a period with relative operators and refuses one elsewhere', () => {
    const withoutPeriod = ruleSchema.safeParse({ kind: 'attribute', field: 'a', operator: 'within_last' });
    expect(withoutPeriod.error?.issues[0]).toMatchObject({
      path: ['period'],
      message: 'is required with within_last',
    });
    const stray = ruleSchema.safeParse({
      kind: 'attribute',
      field: 'a',
      operator: 'equals',
      value: 1,
      period: { amount: 1, unit: 'days' },
    });
    expect(stray.error?.issues[0]?.path).toEqual(['period']);
  });
});

describe('event_seen counts', () => {
  const twice = rule({ kind: 'event_seen', event: 'order_completed', withinDays: 30, minCount: 2 });
  const never = rule({
    kind: 'event_seen',
    event: 'order_completed',
    withinDays: 30,
    minCount: 0,
    maxCount: 0,
  });

  it('needs the count within the bounds', () => {
    expect(evaluateRule(twice, facts({}, [1]))).toBe(false);
    expect(evaluateRule(twice, facts({}, [2]))).toBe(true);
    expect(evaluateRule(never, facts({}, [0]))).toBe(true);
    expect(evaluateRule(never, facts({}, [1]))).toBe(false);
  });

  it('keeps a plain event_seen on the eventSeen fact', () => {
    const once = rule({ kind: 'event_seen', event: 'order_completed', withinDays: 30 });
    expect(evaluateRule(once, { ...facts({}, [1]), eventCount: undefined })).toBe(true);
    expect(() => evaluateRule(twice, { ...facts({}, [2]), eventCount: undefined })).toThrow(/eventCount/);
  });

  it('refuses a maximum below the minimum', () => {
    const parsed = ruleSchema.safeParse({ kind: 'event_seen', event: 'x', withinDays: 1, maxCount: 0 });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['maxCount'] });
  });
});

describe('consent, reachable and segment rules', () => {
  it('reads a missing consent as unknown', () => {
    expect(evaluateRule(rule({ kind: 'consent', channel: 'sms', state: 'unknown' }), facts())).toBe(true);
    const granted = facts({ consents: { sms: 'granted' } });
    expect(evaluateRule(rule({ kind: 'consent', channel: 'sms', state: 'granted' }), granted)).toBe(true);
    expect(evaluateRule(rule({ kind: 'consent', channel: 'zns', state: 'granted' }), granted)).toBe(false);
  });

  it('is reachable with the identifier, without denied consent or do-not-contact', () => {
    const sms = rule({ kind: 'reachable', channel: 'sms' });
    expect(evaluateRule(sms, facts({ phone: '84912345678' }))).toBe(true);
    expect(evaluateRule(sms, facts())).toBe(false);
    expect(evaluateRule(sms, facts({ phone: '84912345678', consents: { sms: 'denied' } }))).toBe(false);
    expect(evaluateRule(sms, facts({ phone: '84912345678', doNotContact: true }))).toBe(false);
    expect(evaluateRule(rule({ kind: 'reachable', channel: 'email' }), facts({ email: 'a@b.vn' }))).toBe(
      true,
    );
    expect(evaluateRule(rule({ kind: 'reachable', channel: 'oa' }), facts({ zaloFollower: true }))).toBe(
      true,
    );
    expect(evaluateRule(rule({ kind: 'reachable', channel: 'oa', reachable: false }), facts())).toBe(true);
  });

  it('checks membership of another segment', () => {
    const vip = rule({ kind: 'segment', segmentId: 'vip' });
    expect(evaluateRule(vip, facts({ segmentIds: ['vip'] }))).toBe(true);
    expect(evaluateRule(vip, facts())).toBe(false);
    expect(evaluateRule(rule({ kind: 'segment', segmentId: 'vip', member: false }), facts())).toBe(true);
  });

  it('parses nested groups of the new kinds', () => {
    const group = ruleGroupSchema.parse({
      match: 'all',
      rules: [
        {
          match: 'any',
          rules: [
            { kind: 'reachable', channel: 'zns' },
            { kind: 'segment', segmentId: 's1' },
          ],
        },
      ],
    });
    expect(group.rules).toHaveLength(1);
  });
});
