import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { EditorGraph, XY } from '../graph/editor-graph';
import { outHandlesOf } from '../graph/node-handles';

export const DEFAULT_STEP_SIZE = { width: 260, height: 96 };

/** Layered, top to bottom, out handles kept in the order the step shows them (yes before no…). */
export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '60',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'ORTHOGONAL',
};

const portId = (nodeId: string, handle: string) => `${nodeId}::${handle}`;

/** The steps and connections as an ELK graph, each out handle a port on the step's bottom side, in order. */
export function toElkGraph(
  graph: EditorGraph,
  sizes: Readonly<Record<string, { width: number; height: number }>>,
): ElkNode {
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const children: ElkNode[] = graph.nodes.map((node) => {
    const size = sizes[node.id] ?? DEFAULT_STEP_SIZE;
    const handles = outHandlesOf(node);
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        { id: `${node.id}::in`, layoutOptions: { 'elk.port.side': 'NORTH' } },
        ...handles.map((handle, index) => ({
          id: portId(node.id, handle),
          layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(handles.length - 1 - index) },
        })),
      ],
    };
  });
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
    .map((edge) => {
      const source = graph.nodes.find((node) => node.id === edge.source);
      const offered = source ? outHandlesOf(source).includes(edge.sourceHandle) : false;
      return {
        id: edge.id,
        sources: [offered ? portId(edge.source, edge.sourceHandle) : edge.source],
        targets: [`${edge.target}::in`],
      };
    });
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

/** Where ELK placed each step. */
export function positionsFromElk(layout: ElkNode): Map<string, XY> {
  const positions = new Map<string, XY>();
  for (const child of layout.children ?? [])
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
