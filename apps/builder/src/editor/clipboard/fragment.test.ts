import { emptyGraph } from '../graph/editor-graph';
import { addNode, addNodeAfter } from '../graph/graph-operations';
import { fragmentOf, isEmptyFragment, parseFragment, pasteFragment, serializeFragment } from './fragment';

function sample() {
  const trigger = addNode(emptyGraph(), 'trigger.manual', { x: 0, y: 0 });
  const zns = addNodeAfter(trigger.graph, trigger.nodeId, 'next', 'send.zns');
  const condition = addNodeAfter(zns.graph, zns.nodeId, 'failure', 'branch.condition');
  const graph = condition.graph;
  const withRule = {
    ...graph,
    nodes: graph.nodes.map((node) =>
      node.id === condition.nodeId
        ? {
            ...node,
            data: {
              rule: { match: 'all', rules: [{ kind: 'send_outcome', nodeId: zns.nodeId, outcome: 'seen' }] },
            },
          }
        : node,
    ),
    notes: [{ id: 'n1', position: { x: 300, y: 0 }, text: 'Ghi chú' }],
  } as typeof graph;
  return { graph: withRule, trigger: trigger.nodeId, zns: zns.nodeId, condition: condition.nodeId };
}

describe('clipboard fragments', () => {
  it('copies the chosen steps with only the edges between them, and reads its own JSON back', () => {
    const { graph, zns, condition } = sample();
    const fragment = fragmentOf(graph, [zns, condition], ['n1']);
    expect(fragment.nodes.map((node) => node.id)).toEqual([zns, condition]);
    expect(fragment.edges).toHaveLength(1);
    expect(fragment.notes).toHaveLength(1);
    expect(parseFragment(serializeFragment(fragment))).toEqual({ fragment, skipped: 0 });
  });

  it('ignores text that is not a fragment and drops damaged parts of one', () => {
    expect(parseFragment('hello')).toBeUndefined();
    expect(parseFragment('{"kind":"other","nodes":[]}')).toBeUndefined();
    const unknownType = parseFragment(
      '{"kind":"loa-nodes","nodes":[{"id":"x","type":"nope","position":{"x":0,"y":0},"data":{}}]}',
    );
    expect(unknownType?.skipped).toBe(1);
    expect(isEmptyFragment(unknownType!.fragment)).toBe(true);
    const parsed = parseFragment(
      JSON.stringify({
        kind: 'loa-nodes',
        nodes: [{ id: 'a', type: 'wait.delay', position: { x: 0, y: 0 }, data: { amount: 1, unit: 'days' } }],
        edges: [{ id: 'e', source: 'a', sourceHandle: 'next', target: 'missing' }],
      }),
    );
    expect(parsed?.fragment.nodes).toHaveLength(1);
    expect(parsed?.fragment.edges).toEqual([]);
    expect(parsed?.fragment.notes).toEqual([]);
    expect(parsed?.skipped).toBe(0);
  });

  it('leaves out steps whose config has the wrong data types, and counts them', () => {
    const parsed = parseFragment(
      JSON.stringify({
        kind: 'loa-nodes',
        nodes: [
          { id: 'a', type: 'wait.delay', position: { x: 0, y: 0 }, data: { amount: 1, unit: 'days' } },
          { id: 'b', type: 'contact.update', position: { x: 0, y: 100 }, data: { addTags: 'vip' } },
          { id: 'c', type: 'wait.delay', position: { x: 0, y: 200 }, data: { amount: 'soon', unit: 'days' } },
        ],
        edges: [
          { id: 'e1', source: 'a', sourceHandle: 'next', target: 'b' },
          { id: 'e2', source: 'a', sourceHandle: 'next', target: 'a' },
        ],
      }),
    );
    expect(parsed?.fragment.nodes.map((node) => node.id)).toEqual(['a']);
    expect(parsed?.fragment.edges.map((edge) => edge.id)).toEqual(['e2']);
    expect(parsed?.skipped).toBe(2);
  });

  it('pastes with new ids, offset positions, edges and references remapped to the copies', () => {
    const { graph, zns, condition } = sample();
    const fragment = fragmentOf(graph, [zns, condition], ['n1']);
    const pasted = pasteFragment(graph, fragment, { x: 40, y: 40 });
    expect(pasted.graph.nodes).toHaveLength(graph.nodes.length + 2);
    const [newZns, newCondition] = pasted.nodeIds;
    expect(newZns).not.toBe(zns);
    expect(new Set([...graph.nodes.map((node) => node.id), ...pasted.nodeIds]).size).toBe(
      graph.nodes.length + 2,
    );
    const copy = pasted.graph.nodes.find((node) => node.id === newZns)!;
    const original = graph.nodes.find((node) => node.id === zns)!;
    expect(copy.position).toEqual({ x: original.position.x + 40, y: original.position.y + 40 });
    const edge = pasted.graph.edges.find((candidate) => candidate.source === newZns);
    expect(edge).toMatchObject({ sourceHandle: 'failure', target: newCondition });
    const copiedCondition = pasted.graph.nodes.find((node) => node.id === newCondition)!;
    expect(JSON.stringify(copiedCondition.data)).toContain(`"nodeId":"${newZns}"`);
    expect(pasted.noteIds).toHaveLength(1);
    expect(pasted.graph.notes[1]).toMatchObject({ text: 'Ghi chú', position: { x: 340, y: 40 } });
  });
});
