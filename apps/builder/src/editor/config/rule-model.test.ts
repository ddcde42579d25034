import { must } from './testing/must';
import welcomeSeries from '@loa/engine/examples/welcome-series.json';
import { conditionSchema, ruleGroupSchema, type RuleGroup } from '@loa/engine/browser';
import * as examples from './testing/example-graphs';
import {
  coerceValue,
  defaultRule,
  operatorsFor,
  RULE_KINDS,
  toCondition,
  toModel,
  updateEntry,
  updateGroup,
  withOperator,
  type AttributeRule,
} from './rule-model';

const everyKind: RuleGroup = {
  match: 'any',
  rules: [
    { kind: 'attribute', field: 'city', operator: 'in', value: ['Huế', 'Đà Nẵng'] },
    { kind: 'attribute', field: 'birthday', operator: 'within_next', period: { amount: 7, unit: 'days' } },
    { kind: 'tag', tag: 'vip', has: false },
    {
      match: 'all',
      rules: [
        {
          kind: 'event_seen',
          event: 'order_completed',
          withinDays: 30,
          minCount: 2,
          filter: { match: 'all', conditions: [{ field: 'total', operator: 'greater_than', value: 100000 }] },
        },
        { kind: 'send_outcome', nodeId: 'zns_1', outcome: 'failed' },
        { kind: 'consent', channel: 'sms', state: 'granted' },
        { kind: 'reachable', channel: 'zns', reachable: true },
        { kind: 'segment', segmentId: 'seg-1', member: true },
      ],
    },
  ],
};

describe('rule builder model', () => {
  it('round-trips the conditions of every example campaign', () => {
    const conditions = examples.conditionRules();
    expect(conditions.length).toBeGreaterThan(0);
    for (const rule of conditions) expect(toCondition(toModel(rule))).toEqual(rule);
    expect(JSON.stringify(welcomeSeries)).toContain('branch.condition');
  });

  it('round-trips every rule kind and nested groups, and the result is a valid condition', () => {
    expect(toCondition(toModel(everyKind))).toEqual(everyKind);
    expect(ruleGroupSchema.safeParse(everyKind).success).toBe(true);
  });

  it('gives every row its own key', () => {
    const model = toModel(everyKind);
    const keys = [model.key, ...model.rules.map((entry) => entry.key)];
    const nested = must(model.rules[3]);
    if (nested.type === 'group') keys.push(nested.group.key, ...nested.group.rules.map((entry) => entry.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('edits, removes and adds rows immutably by key', () => {
    const model = toModel(everyKind);
    const nested = must(model.rules[3]);
    if (nested.type !== 'group') throw new Error('expected a group');
    const target = must(nested.group.rules[2]).key;
    const edited = updateEntry(model, target, (entry) =>
      entry.type === 'rule'
        ? { ...entry, rule: { kind: 'consent', channel: 'email', state: 'denied' } }
        : entry,
    );
    const removed = updateEntry(edited, must(model.rules[0]).key, () => null);
    const added = updateGroup(removed, model.key, (group) => ({ ...group, match: 'all' }));
    const condition = toCondition(added);
    expect(condition.match).toBe('all');
    expect(condition.rules).toHaveLength(3);
    expect(JSON.stringify(condition)).toContain('"channel":"email","state":"denied"');
    expect(toCondition(model)).toEqual(everyKind);
  });

  it('reshapes the value when the operator changes', () => {
    const rule: AttributeRule = { kind: 'attribute', field: 'city', operator: 'equals', value: 'Huế' };
    expect(withOperator(rule, 'in')).toEqual({ ...rule, operator: 'in', value: ['Huế'] });
    expect(withOperator(withOperator(rule, 'in'), 'equals')).toEqual(rule);
    expect(withOperator(rule, 'exists')).toEqual({ kind: 'attribute', field: 'city', operator: 'exists' });
    expect(withOperator(rule, 'within_last')).toEqual({
      kind: 'attribute',
      field: 'city',
      operator: 'within_last',
      period: { amount: 7, unit: 'days' },
    });
    const back = withOperator(withOperator(rule, 'within_last'), 'equals');
    expect(back).not.toHaveProperty('period');
  });

  it('offers the operators that fit the field type', () => {
    expect(operatorsFor('number')).toContain('greater_than');
    expect(operatorsFor('number')).not.toContain('contains');
    expect(operatorsFor('string')).toContain('starts_with');
    expect(operatorsFor('date')).toContain('within_next');
    expect(operatorsFor('boolean')).toEqual(['equals', 'not_equals', 'exists', 'not_exists']);
    expect(operatorsFor('unknown')).toHaveLength(17);
  });

  it('makes a default rule of every kind with the right shape', () => {
    for (const kind of RULE_KINDS) expect(defaultRule(kind).kind).toBe(kind);
    const valid = ['consent', 'reachable'] as const;
    for (const kind of valid)
      expect(conditionSchema.safeParse({ rule: { match: 'all', rules: [defaultRule(kind)] } }).success).toBe(
        true,
      );
  });

  it('keeps numbers and booleans typed', () => {
    expect(coerceValue('42', 'number')).toBe(42);
    expect(coerceValue('4x', 'number')).toBe('4x');
    expect(coerceValue('true', 'boolean')).toBe(true);
    expect(coerceValue('42', 'string')).toBe('42');
  });
});
