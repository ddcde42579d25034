import { emptyGraph } from '../graph/editor-graph';
import { addNode, addNodeAfter, updateNodeData } from '../graph/graph-operations';
import { EMPTY_SELECTION } from '../store/editor-store';
import { FlowElements } from './flow-elements';

function sample() {
  const trigger = addNode(emptyGraph(), 'trigger.manual', { x: 0, y: 0 });
  const wait = addNodeAfter(trigger.graph, trigger.nodeId, 'next', 'wait.delay');
  const graph = { ...wait.graph, notes: [{ id: 'n1', position: { x: 400, y: 0 }, text: 'hi' }] };
  return { graph, trigger: trigger.nodeId, wait: wait.nodeId };
}

describe('React Flow elements derived from the graph', () => {
  it('maps steps to their category, notes to note nodes, edges to step edges into the "in" handle', () => {
    const { graph, trigger } = sample();
    const elements = new FlowElements();
    const nodes = elements.nodes(graph, EMPTY_SELECTION, {}, false);
    expect(nodes.map((node) => node.type)).toEqual(['trigger', 'wait', 'note']);
    expect(nodes[0]).toMatchObject({ id: trigger, draggable: true, connectable: true, selected: false });
    expect(nodes[2]).toMatchObject({ connectable: false });
    expect(elements.edges(graph, EMPTY_SELECTION)[0]).toMatchObject({ type: 'step', targetHandle: 'in' });
  });

  it('keeps the objects of elements that did not change, so that only the changed step re-renders', () => {
    const { graph, trigger, wait } = sample();
    const elements = new FlowElements();
    const before = elements.nodes(graph, EMPTY_SELECTION, {}, false);
    const edited = updateNodeData(graph, wait, { amount: 3, unit: 'hours' });
    const after = elements.nodes(edited, { ...EMPTY_SELECTION, nodes: [trigger] }, {}, false);
    expect(after[1]).not.toBe(before[1]);
    expect(after[0]).not.toBe(before[0]); // selected now
    expect(after[0]).toMatchObject({ selected: true });
    expect(after[2]).toBe(before[2]);
    const again = elements.nodes(
      edited,
      { ...EMPTY_SELECTION, nodes: [trigger] },
      { [wait]: { width: 260, height: 90 } },
      false,
    );
    expect(again[0]).toBe(after[0]);
    expect(again[1]).toMatchObject({ measured: { width: 260, height: 90 } });
    const edges = elements.edges(edited, EMPTY_SELECTION);
    expect(elements.edges(edited, EMPTY_SELECTION)[0]).toBe(edges[0]);
  });

  it('makes every element read-only in a read-only editor', () => {
    const { graph } = sample();
    const nodes = new FlowElements().nodes(graph, EMPTY_SELECTION, {}, true);
    expect(nodes.every((node) => node.draggable === false && node.connectable === false)).toBe(true);
  });
});
