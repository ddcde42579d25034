import { journeyPath, type PathEvent } from './journey-path';

const graph = {
  nodes: [
    { id: 'trigger', type: 'trigger.event' },
    { id: 'check', type: 'branch.condition' },
    { id: 'wait', type: 'wait.delay' },
    { id: 'sms', type: 'send.sms' },
    { id: 'done', type: 'flow.exit' },
    { id: 'away', type: 'flow.exit' },
  ],
  edges: [
    { id: 'e-trigger', source: 'trigger', sourceHandle: 'next', target: 'check' },
    { id: 'e-yes', source: 'check', sourceHandle: 'yes', target: 'wait' },
    { id: 'e-no', source: 'check', sourceHandle: 'no', target: 'wait' },
    { id: 'e-wait', source: 'wait', sourceHandle: 'next', target: 'sms' },
    { id: 'e-sent', source: 'sms', sourceHandle: 'success', target: 'done' },
    { id: 'e-failed', source: 'sms', sourceHandle: 'failure', target: 'away' },
  ],
};
const at = (minute: number) => `2026-11-05T08:${String(minute).padStart(2, '0')}:00.000Z`;
const events = (...steps: Array<[string, string]>): PathEvent[] =>
  steps.map(([stepId, outcome], index) => ({ stepId, outcome, at: at(index) }));

describe('journeyPath', () => {
  it("numbers the steps passed, keeps a step's outcomes together and takes the edge its outcome left by", () => {
    const path = journeyPath(graph, {
      status: 'exited',
      currentStep: 'done',
      path: events(
        ['check', 'entered'],
        ['check', 'no'],
        ['wait', 'waiting'],
        ['wait', 'elapsed'],
        ['sms', 'sent'],
        ['done', 'exit:completed'],
      ),
    });
    expect(path.visits.map((visit) => [visit.order, visit.stepId, visit.outcomes])).toEqual([
      [1, 'trigger', ['entered']],
      [2, 'check', ['no']],
      [3, 'wait', ['waiting', 'elapsed']],
      [4, 'sms', ['sent']],
      [5, 'done', ['exit:completed']],
    ]);
    expect(path.visits[2]!.at).toBe(at(2));
    expect(path.visits[0]!.at).toBe(at(0));
    expect(path.edgeIds).toEqual(['e-trigger', 'e-no', 'e-wait', 'e-sent']);
    expect(path.currentStepId).toBeNull();
    expect(path.decorations).toEqual({
      trigger: 'path',
      check: 'path',
      wait: 'path',
      sms: 'path',
      done: 'path',
      away: 'unreached',
      'e-trigger': 'path',
      'e-yes': 'unreached',
      'e-no': 'path',
      'e-wait': 'path',
      'e-sent': 'path',
      'e-failed': 'unreached',
    });
  });

  it('marks where a running journey waits, and leaves later steps unreached', () => {
    const path = journeyPath(graph, {
      status: 'active',
      currentStep: 'wait',
      path: events(['check', 'entered'], ['check', 'yes'], ['wait', 'waiting']),
    });
    expect(path.currentStepId).toBe('wait');
    expect(path.edgeIds).toEqual(['e-trigger', 'e-yes']);
    expect(path.decorations).toMatchObject({
      wait: 'current',
      check: 'path',
      sms: 'unreached',
      'e-no': 'unreached',
    });
  });

  it('starts at the trigger only when the journey entered at the step after it (a re-run enters later)', () => {
    const rerun = journeyPath(graph, {
      status: 'exited',
      currentStep: null,
      path: events(['sms', 'entered'], ['sms', 'sent'], ['done', 'exit:completed']),
    });
    expect(rerun.visits.map((visit) => visit.stepId)).toEqual(['sms', 'done']);
    expect(rerun.decorations['trigger']).toBe('unreached');
  });

  it('reads a send that failed as leaving by failure, and a split as leaving by its variant', () => {
    const split = {
      nodes: [
        { id: 'split', type: 'branch.split' },
        { id: 'a', type: 'flow.exit' },
        { id: 'b', type: 'flow.exit' },
      ],
      edges: [
        { id: 'to-a', source: 'split', sourceHandle: 'v-a', target: 'a' },
        { id: 'to-b', source: 'split', sourceHandle: 'v-b', target: 'a' },
      ],
    };
    const viaSplit = journeyPath(split, {
      status: 'exited',
      currentStep: null,
      path: events(['split', 'variant:v-b'], ['a', 'exit:completed']),
    });
    expect(viaSplit.edgeIds).toEqual(['to-b']);
    const failed = journeyPath(
      {
        nodes: graph.nodes,
        edges: [
          ...graph.edges,
          { id: 'e-failed-done', source: 'sms', sourceHandle: 'failure', target: 'done' },
        ],
      },
      { status: 'exited', currentStep: null, path: events(['sms', 'blocked'], ['done', 'exit:completed']) },
    );
    expect(failed.edgeIds).toEqual(['e-failed-done']);
  });

  it('ignores steps and edges the version does not have, and an empty path draws nothing', () => {
    const path = journeyPath(graph, {
      status: 'active',
      currentStep: 'gone',
      path: events(['check', 'entered'], ['gone', 'waiting']),
    });
    expect(path.visits.map((visit) => [visit.stepId, visit.outcomes])).toEqual([
      ['trigger', ['entered']],
      ['check', ['entered']],
      ['gone', ['waiting']],
    ]);
    expect(path.edgeIds).toEqual(['e-trigger']);
    expect(path.decorations['gone']).toBeUndefined();
    expect(path.decorations['trigger']).toBe('path');
    const empty = journeyPath(graph, { status: 'exited', currentStep: null, path: [] });
    expect(empty.visits).toEqual([]);
    expect(Object.values(empty.decorations).every((decoration) => decoration === 'unreached')).toBe(true);
  });
});
