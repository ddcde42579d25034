import { validateGraph } from '@loa/engine/browser';
import { emptyGraph, type EditorGraph } from './editor-graph';
import {
  addNode,
  addNodeAfter,
  connect,
  deleteElements,
  disconnect,
  insertOnEdge,
  moveElements,
} from './graph-operations';

function triggerAndSms(): EditorGraph {
  const withTrigger = addNode(emptyGraph(), 'trigger.manual', { x: 0, y: 0 });
  const withSms = addNodeAfter(withTrigger.graph, withTrigger.nodeId, 'next', 'send.sms');
  return withSms.graph;
}

describe('graph operations', () => {
  it('adds steps with unique ids the engine accepts and valid defaults where possible', () => {
    let graph = emptyGraph();
    for (let index = 0; index < 50; index += 1)
      graph = addNode(graph, 'wait.delay', { x: index, y: 0.4 }).graph;
    expect(new Set(graph.nodes.map((node) => node.id)).size).toBe(50);
    expect(graph.nodes[0]).toMatchObject({
      type: 'wait.delay',
      position: { x: 0, y: 0 },
      data: { amount: 1, unit: 'days' },
    });
    const codes = validateGraph(graph).map((diagnostic) => diagnostic.code);
    expect(codes).not.toContain('NODE_ID_INVALID');
    expect(codes).not.toContain('INVALID_CONFIG');
  });

  it('adds a step below a handle, connected from it', () => {
    const graph = triggerAndSms();
    const [trigger, sms] = graph.nodes;
    expect(sms?.position.y).toBeGreaterThan(trigger?.position.y ?? 0);
    expect(graph.edges).toEqual([
      { id: expect.any(String), source: trigger?.id, sourceHandle: 'next', target: sms?.id },
    ]);
  });

  it('replaces the edge a handle already had when connecting it again, and refuses self loops', () => {
    const graph = triggerAndSms();
    const [trigger] = graph.nodes;
    const exit = addNode(graph, 'flow.exit', { x: 0, y: 500 });
    const rewired = connect(exit.graph, { source: trigger!.id, sourceHandle: 'next', target: exit.nodeId });
    expect(rewired.edges).toHaveLength(1);
    expect(rewired.edges[0]?.target).toBe(exit.nodeId);
    expect(connect(rewired, { source: exit.nodeId, sourceHandle: 'next', target: exit.nodeId })).toBe(
      rewired,
    );
  });

  it('refuses what the canvas refuses: a trigger or a missing step as target; a repeated connection is no change', () => {
    const graph = triggerAndSms();
    const [trigger, sms] = graph.nodes;
    const link = { source: sms!.id, sourceHandle: 'success' };
    expect(connect(graph, { ...link, target: trigger!.id })).toBe(graph);
    expect(connect(graph, { ...link, target: 'gone' })).toBe(graph);
    expect(connect(graph, { source: 'gone', sourceHandle: 'next', target: sms!.id })).toBe(graph);
    expect(connect(graph, { source: trigger!.id, sourceHandle: 'next', target: sms!.id })).toBe(graph);
  });

  it('disconnects a handle, leaving the other connections', () => {
    const graph = triggerAndSms();
    const [trigger, sms] = graph.nodes;
    const exit = addNodeAfter(graph, sms!.id, 'success', 'flow.exit');
    const cut = disconnect(exit.graph, { source: trigger!.id, sourceHandle: 'next' });
    expect(cut.edges.map((edge) => [edge.source, edge.sourceHandle])).toEqual([[sms!.id, 'success']]);
    expect(disconnect(cut, { source: trigger!.id, sourceHandle: 'next' })).toBe(cut);
  });

  it('inserts a step on an edge and reconnects through its first handle, moving the steps below down', () => {
    const graph = triggerAndSms();
    const [trigger, sms] = graph.nodes;
    const inserted = insertOnEdge(graph, graph.edges[0]!.id, 'wait.delay');
    const links = inserted.graph.edges.map((edge) => `${edge.source}:${edge.sourceHandle}->${edge.target}`);
    expect(links.sort()).toEqual(
      [`${trigger!.id}:next->${inserted.nodeId}`, `${inserted.nodeId}:next->${sms!.id}`].sort(),
    );
    const movedSms = inserted.graph.nodes.find((node) => node.id === sms!.id);
    const delay = inserted.graph.nodes.find((node) => node.id === inserted.nodeId);
    expect(movedSms!.position.y).toBeGreaterThan(delay!.position.y);
  });

  it('inserting an exit (no out handle) ends the path there', () => {
    const graph = triggerAndSms();
    const inserted = insertOnEdge(graph, graph.edges[0]!.id, 'flow.exit');
    expect(inserted.graph.edges).toHaveLength(1);
    expect(inserted.graph.edges[0]?.target).toBe(inserted.nodeId);
  });

  it('deletes steps with their connections, and moves steps and notes', () => {
    const graph = triggerAndSms();
    const [trigger, sms] = graph.nodes;
    const withNote = { ...graph, notes: [{ id: 'n1', position: { x: 0, y: 0 }, text: 'hi' }] };
    const deleted = deleteElements(withNote, { nodes: [sms!.id], notes: ['n1'] });
    expect(deleted.nodes.map((node) => node.id)).toEqual([trigger!.id]);
    expect(deleted.edges).toEqual([]);
    expect(deleted.notes).toEqual([]);
    expect(deleteElements(graph, {})).toBe(graph);
    const moved = moveElements(
      withNote,
      new Map([
        [trigger!.id, { x: 10.4, y: 20.6 }],
        ['n1', { x: 5, y: 5 }],
      ]),
    );
    expect(moved.nodes[0]?.position).toEqual({ x: 10, y: 21 });
    expect(moved.notes[0]?.position).toEqual({ x: 5, y: 5 });
    expect(moveElements(moved, new Map([['n1', { x: 5.2, y: 4.9 }]]))).toBe(moved);
  });
});
