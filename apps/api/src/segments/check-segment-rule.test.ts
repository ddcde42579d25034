import { ruleGroupSchema, type RuleGroup } from '@loa/engine';
import { checkSegmentRule } from './check-segment-rule';
import { segmentRuleSchema } from './segment-rule.schema';

const group = (...rules: unknown[]) => ruleGroupSchema.parse({ match: 'all', rules }) as RuleGroup;
const attributeTypes = new Map([
  ['birthday', 'date'],
  ['spent', 'number'],
]);

describe('segment rule checks', () => {
  it('refuses send_outcome with a message naming segments, at the rule kind', () => {
    const parsed = segmentRuleSchema.safeParse({
      match: 'all',
      rules: [{ match: 'any', rules: [{ kind: 'send_outcome', nodeId: 'n1', outcome: 'sent' }] }],
    });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['rules', 0, 'rules', 0, 'kind'],
        message: 'send_outcome looks at a campaign step and cannot be used in a segment',
      }),
    ]);
  });

  it('refuses trees nested too deep', () => {
    let rule: unknown = { kind: 'tag', tag: 'x' };
    for (let depth = 0; depth < 7; depth += 1) rule = { match: 'all', rules: [rule] };
    expect(segmentRuleSchema.safeParse(rule).error?.issues[0]?.message).toMatch(/at most 6 deep/);
  });

  it('checks relative dates and numbers against attribute definitions', () => {
    const errors = checkSegmentRule({
      segmentId: 's1',
      rule: group(
        { kind: 'attribute', field: 'spent', operator: 'within_last', period: { amount: 1, unit: 'days' } },
        { kind: 'attribute', field: 'spent', operator: 'greater_than', value: 'lots' },
        {
          kind: 'attribute',
          field: 'birthday',
          operator: 'within_next',
          period: { amount: 7, unit: 'days' },
        },
        {
          kind: 'attribute',
          field: 'undeclared',
          operator: 'within_next',
          period: { amount: 7, unit: 'days' },
        },
      ),
      attributeTypes,
      segments: [],
    });
    expect(errors).toEqual([
      {
        in: 'body',
        field: 'rule.rules.0.operator',
        message: 'within_last needs a date or datetime attribute; spent is a number',
      },
      { in: 'body', field: 'rule.rules.1.value', message: 'must be a number: spent is a number' },
    ]);
  });

  it('refuses unknown segments, itself and cycles', () => {
    const check = (rule: RuleGroup) =>
      checkSegmentRule({
        segmentId: 's1',
        rule,
        attributeTypes,
        segments: [{ id: 's2', name: 'Buyers', rule: group({ kind: 'segment', segmentId: 's1' }) }],
      });
    expect(check(group({ kind: 'segment', segmentId: 's9' }))[0]?.message).toBe(
      'no such segment in this workspace',
    );
    expect(check(group({ kind: 'segment', segmentId: 's1' }))[0]?.message).toBe(
      'a segment cannot refer to itself',
    );
    expect(check(group({ kind: 'tag', tag: 'x' }, { kind: 'segment', segmentId: 's2' }))).toEqual([
      {
        in: 'body',
        field: 'rule.rules.1.segmentId',
        message: 'refers back to this segment: this segment → “Buyers” → this segment',
      },
    ]);
  });
});
