import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import { toEditorGraph } from '../graph/editor-graph';
import { outHandlesOf } from '../graph/node-handles';
import { toElkGraph } from './elk-conversion';
import { tidyUp } from './tidy-up';

describe('tidy up', () => {
  const graph = toEditorGraph(abandonedCart);

  it('gives each step a port per out handle, in order, and links edges to them', () => {
    const elk = toElkGraph(graph, {});
    const branch = graph.nodes.find((node) => outHandlesOf(node).length > 1)!;
    const child = elk.children!.find((candidate) => candidate.id === branch.id)!;
    expect(child.ports!.slice(1).map((port) => port.id)).toEqual(
      outHandlesOf(branch).map((handle) => `${branch.id}::${handle}`),
    );
    expect(elk.edges).toHaveLength(graph.edges.length);
    expect(elk.edges![0]!.targets[0]).toMatch(/::in$/);
  });

  it('lays steps out top to bottom: every connection goes down, and no two steps overlap', async () => {
    const scrambled = { ...graph, nodes: graph.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })) };
    const tidy = await tidyUp(scrambled, {});
    const at = new Map(tidy.nodes.map((node) => [node.id, node.position]));
    for (const edge of tidy.edges) expect(at.get(edge.target)!.y).toBeGreaterThan(at.get(edge.source)!.y);
    const places = new Set(tidy.nodes.map((node) => `${node.position.x},${node.position.y}`));
    expect(places.size).toBe(tidy.nodes.length);
    expect(tidy.notes).toEqual(scrambled.notes);
  });
});
