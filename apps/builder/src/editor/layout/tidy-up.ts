import ELK from 'elkjs/lib/elk.bundled.js';
import type { EditorGraph, XY } from '../graph/editor-graph';
import { moveElements } from '../graph/graph-operations';
import { positionsFromElk, toElkGraph } from './elk-conversion';

const elk = new ELK();

/** The graph with its steps laid out top to bottom; notes keep their place. */
export async function tidyUp(
  graph: EditorGraph,
  sizes: Readonly<Record<string, { width: number; height: number }>>,
  origin: XY = { x: 0, y: 0 },
): Promise<EditorGraph> {
  const layout = await elk.layout(toElkGraph(graph, sizes));
  const positions = positionsFromElk(layout);
  for (const [id, position] of positions)
    positions.set(id, { x: position.x + origin.x, y: position.y + origin.y });
  return moveElements(graph, positions);
}
