import type { CampaignSettingsInput, GraphNodeInput, NodeType } from '@loa/engine/browser';
import { acceptsConnection } from './connection-rules';
import { defaultDataOf } from './default-data';
import type { EditorGraph, GraphEdge, GraphNote, XY } from './editor-graph';
import { idsOf, newId } from './new-id';
import { outHandlesOf } from './node-handles';

/** Vertical distance between a step and the one added below it. */
export const STEP_GAP = 160;

export interface Added {
  graph: EditorGraph;
  nodeId: string;
}

function prefixOf(type: NodeType): string {
  return type.split('.')[1] ?? type;
}

function makeNode(graph: EditorGraph, type: NodeType, position: XY): GraphNodeInput {
  return {
    id: newId(prefixOf(type), idsOf(graph)),
    type,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    data: defaultDataOf(type),
  } as GraphNodeInput;
}

export function addNode(graph: EditorGraph, type: NodeType, position: XY): Added {
  const node = makeNode(graph, type, position);
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, nodeId: node.id };
}

/**
 * Connects source's handle to target; a handle leads to one step, so an earlier edge from it is replaced.
 * A connection the canvas would refuse (see acceptsConnection), or one that is already there, changes nothing.
 */
export function connect(
  graph: EditorGraph,
  link: { source: string; sourceHandle: string; target: string },
): EditorGraph {
  if (!acceptsConnection(graph, link)) return graph;
  const already = graph.edges.some(
    (edge) =>
      edge.source === link.source && edge.sourceHandle === link.sourceHandle && edge.target === link.target,
  );
  if (already) return graph;
  const kept = graph.edges.filter(
    (edge) => !(edge.source === link.source && edge.sourceHandle === link.sourceHandle),
  );
  const edge: GraphEdge = { id: newId('e', idsOf(graph)), ...link };
  return { ...graph, edges: [...kept, edge] };
}

/** Removes the connection leaving source's handle, if it has one. */
export function disconnect(graph: EditorGraph, link: { source: string; sourceHandle: string }): EditorGraph {
  const kept = graph.edges.filter(
    (edge) => !(edge.source === link.source && edge.sourceHandle === link.sourceHandle),
  );
  return kept.length === graph.edges.length ? graph : { ...graph, edges: kept };
}

/** Adds a step below `source`, connected from its `handle`, shifted sideways for the handle's place in the row. */
export function addNodeAfter(graph: EditorGraph, source: string, handle: string, type: NodeType): Added {
  const from = graph.nodes.find((node) => node.id === source);
  if (!from) throw new Error(`no step ${source}`);
  const handles = outHandlesOf(from);
  const index = Math.max(0, handles.indexOf(handle));
  const spread = (index - (handles.length - 1) / 2) * 260;
  const added = addNode(graph, type, { x: from.position.x + spread, y: from.position.y + STEP_GAP });
  return {
    graph: connect(added.graph, { source, sourceHandle: handle, target: added.nodeId }),
    nodeId: added.nodeId,
  };
}

/**
 * Puts a new step in the middle of an edge: source → new step → old target, through the new step's first handle.
 * Steps below make room by moving down.
 */
export function insertOnEdge(graph: EditorGraph, edgeId: string, type: NodeType): Added {
  const edge = graph.edges.find((candidate) => candidate.id === edgeId);
  if (!edge) throw new Error(`no connection ${edgeId}`);
  const source = graph.nodes.find((node) => node.id === edge.source);
  const target = graph.nodes.find((node) => node.id === edge.target);
  if (!source || !target) throw new Error(`connection ${edgeId} is broken`);
  const position = { x: target.position.x, y: Math.max(target.position.y, source.position.y + STEP_GAP) };
  const below = new Set(reachableFrom(graph, target.id));
  const shifted: EditorGraph = {
    ...graph,
    nodes: graph.nodes.map((node) =>
      below.has(node.id) && node.position.y >= position.y
        ? { ...node, position: { x: node.position.x, y: node.position.y + STEP_GAP } }
        : node,
    ),
  };
  const added = addNode(shifted, type, position);
  const node = added.graph.nodes[added.graph.nodes.length - 1] as GraphNodeInput;
  const out = outHandlesOf(node)[0];
  let next: EditorGraph = {
    ...added.graph,
    edges: added.graph.edges.map((candidate) =>
      candidate.id === edgeId ? { ...candidate, target: added.nodeId } : candidate,
    ),
  };
  if (out !== undefined) next = connect(next, { source: added.nodeId, sourceHandle: out, target: target.id });
  return { graph: next, nodeId: added.nodeId };
}

function reachableFrom(graph: EditorGraph, start: string): string[] {
  const seen = new Set<string>([start]);
  const pending = [start];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    for (const edge of graph.edges)
      if (edge.source === id && !seen.has(edge.target)) {
        seen.add(edge.target);
        pending.push(edge.target);
      }
  }
  return [...seen];
}

/** Removes steps (with their connections), connections and notes. */
export function deleteElements(
  graph: EditorGraph,
  ids: { nodes?: Iterable<string>; edges?: Iterable<string>; notes?: Iterable<string> },
): EditorGraph {
  const nodes = new Set(ids.nodes ?? []);
  const edges = new Set(ids.edges ?? []);
  const notes = new Set(ids.notes ?? []);
  if (nodes.size + edges.size + notes.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !nodes.has(node.id)),
    edges: graph.edges.filter(
      (edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target),
    ),
    notes: graph.notes.filter((note) => !notes.has(note.id)),
  };
}

/** Moves steps and notes to new positions (rounded to whole pixels); unknown ids are ignored. */
export function moveElements(graph: EditorGraph, positions: ReadonlyMap<string, XY>): EditorGraph {
  if (positions.size === 0) return graph;
  let moved = false;
  const place = <T extends { id: string; position: XY }>(item: T): T => {
    const position = positions.get(item.id);
    if (!position) return item;
    const x = Math.round(position.x);
    const y = Math.round(position.y);
    if (x === item.position.x && y === item.position.y) return item;
    moved = true;
    return { ...item, position: { x, y } };
  };
  const nodes = graph.nodes.map(place);
  const notes = graph.notes.map(place);
  return moved ? { ...graph, nodes, notes } : graph;
}

export function updateNodeData(graph: EditorGraph, id: string, data: GraphNodeInput['data']): EditorGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => (node.id === id ? ({ ...node, data } as GraphNodeInput) : node)),
  };
}

export function updateSettings(graph: EditorGraph, settings: CampaignSettingsInput): EditorGraph {
  return graph.settings === settings ? graph : { ...graph, settings };
}

export function addNote(graph: EditorGraph, position: XY, text = ''): { graph: EditorGraph; noteId: string } {
  const note: GraphNote = {
    id: newId('note', idsOf(graph)),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    text,
    color: 'yellow',
  };
  return { graph: { ...graph, notes: [...graph.notes, note] }, noteId: note.id };
}

export function updateNote(
  graph: EditorGraph,
  id: string,
  change: Partial<Omit<GraphNote, 'id'>>,
): EditorGraph {
  return { ...graph, notes: graph.notes.map((note) => (note.id === id ? { ...note, ...change } : note)) };
}
