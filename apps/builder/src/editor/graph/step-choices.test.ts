import i18next from 'i18next';
import { resources } from '../../i18n/resources';
import type { EditorGraph, GraphNodeInput } from './editor-graph';
import type { Translate } from './node-summary';
import { connectionChoices, sendStepChoices, stepChoices, unofferedTarget } from './step-choices';

let en: Translate;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'en', defaultNS: 'editor', interpolation: { escapeValue: false } });
  const t = instance.getFixedT('en', 'editor');
  en = (key, values) => t(key, values ?? {});
});

const step = (id: string, type: GraphNodeInput['type'], data: object = {}) =>
  ({ id, type, position: { x: 0, y: 0 }, data }) as GraphNodeInput;

function campaign(): EditorGraph {
  return {
    schemaVersion: 1,
    nodes: [
      step('start', 'trigger.manual', { label: 'Start' }),
      step('check', 'branch.condition', { label: 'Paid?', rule: { match: 'all', rules: [] } }),
      step('split', 'branch.split', {
        label: 'Test',
        variants: [
          { id: 'a', label: 'Short', weight: 70 },
          { id: 'b', weight: 30 },
        ],
      }),
      step('sms', 'send.sms', { label: 'Reminder' }),
      step('email', 'send.email', { label: 'Reminder' }),
      step('done', 'flow.exit', { label: 'Done' }),
    ],
    edges: [{ id: 'e1', source: 'check', sourceHandle: 'yes', target: 'done' }],
    notes: [],
  };
}

describe('step choices', () => {
  it('names steps as the canvas does, sorted, telling apart steps that read alike by their id', () => {
    expect(stepChoices(campaign().nodes, en).map((choice) => choice.name)).toEqual([
      'Done',
      'Paid?',
      'Reminder · email',
      'Reminder · sms',
      'Start',
      'Test',
    ]);
  });

  it('lists a step’s handles with the canvas’s labels and where each leads', () => {
    const graph = campaign();
    expect(connectionChoices(graph, 'check', en).handles).toEqual([
      { handle: { id: 'yes' }, label: 'yes', target: 'done' },
      { handle: { id: 'no' }, label: 'no', target: undefined },
    ]);
    expect(connectionChoices(graph, 'split', en).handles.map((handle) => handle.label)).toEqual([
      'Short · 70%',
      'b · 30%',
    ]);
  });

  it('offers as targets only the steps the canvas would connect to: not the step itself, not a trigger', () => {
    const ids = connectionChoices(campaign(), 'check', en).targets.map((choice) => choice.id);
    expect(ids).toEqual(['done', 'email', 'sms', 'split']);
    expect(connectionChoices(campaign(), 'gone', en)).toEqual({ handles: [], targets: [] });
  });

  it('offers the send steps for an “outcome of a send” rule', () => {
    expect(sendStepChoices(campaign().nodes, en)).toEqual([
      { id: 'email', name: 'Reminder · email' },
      { id: 'sms', name: 'Reminder · sms' },
    ]);
  });

  it('says why a connection’s step is not offered: gone, or one that cannot be connected to', () => {
    expect(unofferedTarget(campaign(), 'deleted', en)).toEqual({ kind: 'missing' });
    expect(unofferedTarget(campaign(), 'start', en)).toEqual({ kind: 'notAllowed', name: 'Start' });
  });
});
