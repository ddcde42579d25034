import { deepEqual, diffDecorations, diffDisplayGraph, diffGraphs, type DiffGraph } from './graph-diff';

const base: DiffGraph = {
  nodes: [
    {
      id: 'start',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      data: { label: 'Giỏ hàng', event: 'cart' },
    },
    {
      id: 'wait',
      type: 'wait.delay',
      position: { x: 0, y: 150 },
      data: { delay: { amount: 1, unit: 'hours' } },
    },
    { id: 'sms', type: 'send.sms', position: { x: 0, y: 300 }, data: { label: 'Nhắc', text: 'Xin chào' } },
    { id: 'done', type: 'flow.exit', position: { x: 0, y: 450 }, data: { reason: 'done' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
    { id: 'e2', source: 'wait', sourceHandle: 'next', target: 'sms' },
    { id: 'e3', source: 'sms', sourceHandle: 'success', target: 'done' },
  ],
  settings: { timezone: 'Asia/Ho_Chi_Minh' },
};

function edit(change: (graph: DiffGraph) => void): DiffGraph {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe('diffGraphs', () => {
  it('finds nothing between a graph and itself, whatever the order of keys', () => {
    const reordered = edit((graph) => {
      graph.nodes[1]!.data = { delay: { unit: 'hours', amount: 1 } };
    });
    expect(diffGraphs(base, reordered)).toEqual({ changes: [], settingsChanged: [], moved: [] });
  });

  it('names the changed fields of a node', () => {
    const next = edit((graph) => {
      graph.nodes[2]!.data['text'] = 'Chào {{ contact.name }}';
      graph.nodes[1]!.data = { delay: { amount: 2, unit: 'hours' } };
    });
    const { changes } = diffGraphs(base, next);
    expect(changes.map((entry) => [entry.nodeId, entry.kind, entry.fields])).toEqual([
      ['wait', 'changed', ['delay']],
      ['sms', 'changed', ['text']],
    ]);
    expect(changes[1]!.label).toBe('Nhắc');
  });

  it('reports added and removed nodes, and the connections that moved', () => {
    const next = edit((graph) => {
      graph.nodes = graph.nodes.filter((node) => node.id !== 'wait');
      graph.nodes.push({
        id: 'zns',
        type: 'send.zns',
        position: { x: 200, y: 300 },
        data: { templateId: '1' },
      });
      graph.edges = [
        { id: 'x1', source: 'start', sourceHandle: 'next', target: 'sms' },
        { id: 'e3', source: 'sms', sourceHandle: 'success', target: 'done' },
        { id: 'x2', source: 'sms', sourceHandle: 'failure', target: 'zns' },
      ];
    });
    const diff = diffGraphs(base, next);
    expect(diff.changes.map((entry) => [entry.nodeId, entry.kind])).toEqual([
      ['start', 'changed'],
      ['sms', 'changed'],
      ['zns', 'added'],
      ['wait', 'removed'],
    ]);
    expect(diff.changes[0]).toMatchObject({
      fields: [],
      connectionsAdded: [{ sourceHandle: 'next', target: 'sms' }],
      connectionsRemoved: [{ sourceHandle: 'next', target: 'wait' }],
    });
    expect(diff.changes[1]!.connectionsAdded).toEqual([{ sourceHandle: 'failure', target: 'zns' }]);
    expect(diffDecorations(diff)).toEqual({
      start: 'changed',
      sms: 'changed',
      zns: 'added',
      wait: 'removed',
    });
  });

  it('treats an edge with a new id but the same ends as unchanged', () => {
    const next = edit((graph) => {
      graph.edges[0]!.id = 'renamed';
    });
    expect(diffGraphs(base, next).changes).toEqual([]);
  });

  it('tells a node that only moved from one that changed, and notices a changed type', () => {
    const next = edit((graph) => {
      graph.nodes[3]!.position = { x: 40, y: 500 };
      graph.nodes[2]!.type = 'send.zns';
    });
    const diff = diffGraphs(base, next);
    expect(diff.moved).toEqual(['done']);
    expect(diff.changes).toEqual([
      expect.objectContaining({ nodeId: 'sms', kind: 'changed', fields: ['type'] }),
    ]);
  });

  it('lists changed settings', () => {
    const next = edit((graph) => {
      graph.settings = { timezone: 'Asia/Bangkok', quietHours: { start: '21:00', end: '08:00' } };
    });
    expect(diffGraphs(base, next).settingsChanged).toEqual(['quietHours', 'timezone']);
  });
});

describe('diffDisplayGraph', () => {
  it('draws removed nodes at their old positions with their old edges to nodes still drawn', () => {
    const next = edit((graph) => {
      graph.nodes = graph.nodes.filter((node) => node.id !== 'wait');
      graph.edges = [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'sms' },
        { id: 'e3', source: 'sms', sourceHandle: 'success', target: 'done' },
      ];
    });
    const shown = diffDisplayGraph(base, next, diffGraphs(base, next));
    expect(shown.nodes.map((node) => node.id)).toEqual(['start', 'sms', 'done', 'wait']);
    expect(shown.nodes[3]!.position).toEqual({ x: 0, y: 150 });
    // e1 is taken by the new graph: the old edge start → wait is drawn under an id of its own.
    expect(shown.edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['e1', 'start', 'sms'],
      ['e3', 'sms', 'done'],
      ['removed:e1', 'start', 'wait'],
      ['e2', 'wait', 'sms'],
    ]);
  });
});

describe('deepEqual', () => {
  it('compares arrays by order and objects by content', () => {
    expect(deepEqual([1, { a: 2 }], [1, { a: 2 }])).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: undefined }, {})).toBe(true);
    expect(deepEqual({ a: null }, {})).toBe(false);
  });
});
