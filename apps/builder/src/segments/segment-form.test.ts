import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors } from 'react-hook-form';
import {
  emptySegmentForm,
  formFieldOfApiError,
  isPreviewable,
  ruleIssues,
  segmentBody,
  segmentFormSchema,
  segmentFormValues,
  type SegmentFormValues,
} from './segment-form';

const resolver = zodResolver(segmentFormSchema);

async function errorsOf(values: SegmentFormValues): Promise<FieldErrors<SegmentFormValues>> {
  const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return result.errors;
}

const nested: SegmentFormValues = {
  name: ' Khách Hà Nội ',
  description: ' mua gần đây ',
  rule: {
    match: 'all',
    rules: [
      { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
      {
        match: 'any',
        rules: [
          { kind: 'tag', tag: 'vip', has: true },
          { kind: 'event_seen', event: 'order.completed', withinDays: 30, minCount: 2 },
        ],
      },
    ],
  },
};

describe('the segment form', () => {
  it('reads a stored segment, and sends back the rule it was given with the texts trimmed', () => {
    const values = segmentFormValues({
      name: nested.name,
      description: nested.description,
      rule: nested.rule,
    });
    expect(values.rule).toEqual(nested.rule);
    expect(segmentBody(values)).toEqual({
      name: 'Khách Hà Nội',
      description: 'mua gần đây',
      rule: nested.rule,
    });
  });

  it('reads a stored rule that is not a rule tree as an empty "all" group', () => {
    expect(segmentFormValues({ name: 'a', description: '', rule: null }).rule).toEqual({
      match: 'all',
      rules: [],
    });
    expect(
      segmentFormValues({ name: 'a', description: '', rule: { match: 'any', rules: 'x' } }).rule,
    ).toEqual({ match: 'any', rules: [] });
  });

  it('asks for a preview only once every condition is complete', () => {
    expect(isPreviewable(nested.rule)).toBe(true);
    expect(isPreviewable(emptySegmentForm().rule)).toBe(false);
    expect(isPreviewable({ match: 'all', rules: [] })).toBe(false);
    expect(
      isPreviewable({
        match: 'all',
        rules: [{ match: 'any', rules: [{ kind: 'tag', tag: '', has: true }] }],
      }),
    ).toBe(false);
  });

  it('puts the schema’s messages at the rule builder’s paths, nested groups included', async () => {
    const values: SegmentFormValues = {
      name: '  ',
      description: '',
      rule: {
        match: 'all',
        rules: [
          { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
          { match: 'any', rules: [{ kind: 'event_seen', event: 'order.completed', withinDays: 0 }] },
        ],
      },
    };
    const errors = await errorsOf(values);
    expect(errors.name?.message).toBe('errors.nameRequired');
    const issues = ruleIssues(errors, values, 'Required');
    expect([...issues.keys()]).toEqual(['rule.rules.1.rules.0.withinDays']);
    expect(issues.get('rule.rules.1.rules.0.withinDays')?.[0]?.severity).toBe('error');
  });

  it('has no issues for a valid form', async () => {
    const errors = await errorsOf(nested);
    expect(errors).toEqual({});
    expect(ruleIssues(errors, nested, 'Required').size).toBe(0);
  });

  it('says an empty value is required instead of the schema’s words', async () => {
    const values = emptySegmentForm();
    const issues = ruleIssues(await errorsOf(values), values, 'Required');
    expect(issues.get('rule.rules.0.field')).toEqual([{ message: 'Required', severity: 'error' }]);
  });

  it('takes an error set on a list as the list’s', () => {
    const issues = ruleIssues(
      {
        rule: { rules: { root: { type: 'custom', message: 'add at least one rule' } } },
      } as unknown as FieldErrors<SegmentFormValues>,
      emptySegmentForm(),
      'Required',
    );
    expect(issues.get('rule.rules')).toEqual([{ message: 'add at least one rule', severity: 'error' }]);
  });

  it('places the API’s field errors on the name, the description, the rule or the form', () => {
    expect(formFieldOfApiError('name')).toBe('name');
    expect(formFieldOfApiError('description')).toBe('description');
    expect(formFieldOfApiError('rule.rules.1.rules.0.kind')).toBe('rule.rules.1.rules.0.kind');
    expect(formFieldOfApiError('rule')).toBe('rule');
    expect(formFieldOfApiError('sampleSize')).toBe('root');
    expect(formFieldOfApiError('rulebook')).toBe('root');
  });
});
