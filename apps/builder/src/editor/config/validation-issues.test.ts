import { must } from './testing/must';
import { nodeCatalogue, validateGraph } from '@loa/engine/browser';
import { pathInside, schemaIssues, withDiagnostics } from './validation-issues';

describe('validation issues by field', () => {
  it('puts the schema’s messages at the field they concern', () => {
    const issues = schemaIssues(
      nodeCatalogue['branch.split'].schema,
      {
        variants: [
          { id: 'a b', weight: 50 },
          { id: 'b', weight: 150 },
        ],
      },
      'Required',
    );
    expect(issues.get('variants.0.id')).toEqual([
      { message: 'may contain only letters, digits, _ and -', severity: 'error' },
    ]);
    expect(issues.get('variants.1.weight')?.[0]?.message).toMatch(/100/);
  });

  it('says a missing required value is required', () => {
    const issues = schemaIssues(nodeCatalogue['send.sms'].schema, { text: 'x', purpose: 'care' }, 'Bắt buộc');
    expect(issues.get('accountId')).toEqual([{ message: 'Bắt buộc', severity: 'error' }]);
    expect(issues.get('brandName')).toEqual([{ message: 'Bắt buộc', severity: 'error' }]);
  });

  it('says an empty text is required once, instead of each rule it breaks', () => {
    const issues = schemaIssues(nodeCatalogue['trigger.event'].schema, { event: '' }, 'Bắt buộc');
    expect(issues.get('event')).toEqual([{ message: 'Bắt buộc', severity: 'error' }]);
  });

  it('reads the part of a diagnostic path inside the node data or the settings', () => {
    expect(pathInside('nodes[3].data.params.customer_name', 'data')).toBe('params.customer_name');
    expect(pathInside('nodes[3].data.rule.rules[1].period', 'data')).toBe('rule.rules.1.period');
    expect(pathInside('nodes[0].data.params["mã-giảm"]', 'data')).toBe('params.mã-giảm');
    expect(pathInside('nodes[3].data', 'data')).toBe('');
    expect(pathInside('nodes[3].position', 'data')).toBeUndefined();
    expect(pathInside('settings.quietHours.end', 'settings')).toBe('quietHours.end');
    expect(pathInside(undefined, 'data')).toBeUndefined();
  });

  it('does not repeat the validator’s schema findings where the form already has a message', () => {
    const own = schemaIssues(nodeCatalogue['send.sms'].schema, { text: 'x', purpose: 'care' }, 'Required');
    const merged = withDiagnostics(
      own,
      [
        {
          severity: 'error',
          code: 'INVALID_CONFIG',
          message: 'SMS: accountId is required',
          path: 'nodes[1].data.accountId',
        },
        {
          severity: 'error',
          code: 'ACCOUNT_MISSING',
          message: 'SMS: pick an account',
          path: 'nodes[1].data.accountId',
        },
      ],
      'data',
    );
    expect(merged.get('accountId')?.map((issue) => issue.message)).toEqual([
      'Required',
      'SMS: pick an account',
    ]);
  });

  it('places the validator’s diagnostics of a real graph at their fields', () => {
    const diagnostics = validateGraph({
      schemaVersion: 1,
      nodes: [
        { id: 't', type: 'trigger.manual', position: { x: 0, y: 0 }, data: {} },
        {
          id: 's',
          type: 'branch.split',
          position: { x: 0, y: 0 },
          data: {
            variants: [
              { id: 'a', weight: 30 },
              { id: 'b', weight: 30 },
            ],
          },
        },
      ],
      edges: [{ id: 'e', source: 't', sourceHandle: 'next', target: 's' }],
    }).filter((diagnostic) => diagnostic.nodeId === 's');
    const issues = withDiagnostics(new Map(), diagnostics, 'data');
    const weights = diagnostics.find((diagnostic) => diagnostic.code === 'SPLIT_WEIGHTS_NOT_100');
    expect(weights).toBeDefined();
    expect(issues.get(pathInside(must(weights).path, 'data') ?? '')).toContainEqual({
      message: must(weights).message,
      severity: 'error',
    });
  });
});
