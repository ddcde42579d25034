import { factorInputs, mergeInput } from './batch-inputs';

const journey = (contactId: string) => ({
  workspaceId: 'ws',
  campaignId: 'c1',
  versionId: 'v1',
  contactId,
  workflowId: `journey:c1:${contactId}:once`,
  enrollmentId: 'run-1',
  entryKey: 'once',
});

describe('factorInputs', () => {
  it('sends what every input shares once, the journey one level deeper, and merges back to the inputs', () => {
    const step = { kind: 'send', channel: 'zns', templateId: 't1' };
    const inputs = ['k1', 'k2', 'k3'].map((contactId) => ({
      journey: journey(contactId),
      stepId: 's1',
      idempotencyKey: `journey:c1:${contactId}:once:run-1:s1:1`,
      step,
    }));
    const { shared, items } = factorInputs(inputs);
    expect(shared).toEqual({
      stepId: 's1',
      step,
      journey: {
        workspaceId: 'ws',
        campaignId: 'c1',
        versionId: 'v1',
        enrollmentId: 'run-1',
        entryKey: 'once',
      },
    });
    expect(items[1]).toEqual({
      journey: { contactId: 'k2', workflowId: 'journey:c1:k2:once' },
      idempotencyKey: 'journey:c1:k2:once:run-1:s1:1',
    });
    expect(items.map((item) => mergeInput(shared, item))).toEqual(inputs);
  });

  it('keeps a field that only some inputs have with the items that have it', () => {
    const inputs = [
      { journey: { ...journey('k1'), entryEventId: 'e1' }, fields: ['birthday'] },
      { journey: journey('k2'), fields: ['birthday'] },
    ];
    const { shared, items } = factorInputs(inputs);
    expect(items[0]).toEqual({
      journey: { contactId: 'k1', workflowId: 'journey:c1:k1:once', entryEventId: 'e1' },
    });
    expect(items.map((item) => mergeInput(shared, item))).toEqual(inputs);
  });

  it('shares everything of a single input', () => {
    const inputs = [{ campaignId: 'c1' }];
    expect(factorInputs(inputs)).toEqual({ shared: { campaignId: 'c1' }, items: [{}] });
    expect(mergeInput({ campaignId: 'c1' }, {})).toEqual(inputs[0]);
  });
});
