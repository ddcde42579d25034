import { isNodeType, type GraphNodeInput } from '@loa/engine/browser';
import type { EditorGraph, GraphEdge, GraphNote, XY } from '../graph/editor-graph';
import { idsOf, newId } from '../graph/new-id';
import { hasConfigShape } from './config-shape';

/** What copy puts on the system clipboard, so that steps paste into another campaign or another tab. */
export interface Fragment {
  kind: 'loa-nodes';
  nodes: GraphNodeInput[];
  edges: GraphEdge[];
  notes: GraphNote[];
}

/** The chosen steps and notes, with the connections between two chosen steps. */
export function fragmentOf(
  graph: EditorGraph,
  nodeIds: Iterable<string>,
  noteIds: Iterable<string> = [],
): Fragment {
  const nodes = new Set(nodeIds);
  const notes = new Set(noteIds);
  return {
    kind: 'loa-nodes',
    nodes: graph.nodes.filter((node) => nodes.has(node.id)),
    edges: graph.edges.filter((edge) => nodes.has(edge.source) && nodes.has(edge.target)),
    notes: graph.notes.filter((note) => notes.has(note.id)),
  };
}

export const serializeFragment = (fragment: Fragment): string => JSON.stringify(fragment, null, 2);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown): value is XY =>
  isRecord(value) && Number.isFinite(value.x) && Number.isFinite(value.y);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A step whose config has its type's shape: anything else would break the canvas and be saved broken. */
const isValidNode = (node: unknown): node is GraphNodeInput =>
  isRecord(node) &&
  isId(node.id) &&
  isNodeType(node.type) &&
  isPosition(node.position) &&
  isRecord(node.data) &&
  hasConfigShape(node.type, node.data);

export interface ParsedFragment {
  fragment: Fragment;
  /** Steps left out because they were damaged (unknown type, no position, config of the wrong shape). */
  skipped: number;
}

/**
 * The fragment in a clipboard text, or undefined when the text is something else (a URL, a sentence…). Damaged
 * steps are left out and counted; the fragment may then be empty.
 */
export function parseFragment(text: string): ParsedFragment | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.kind !== 'loa-nodes' || !Array.isArray(value.nodes)) return undefined;
  const nodes = value.nodes.filter(isValidNode);
  const ids = new Set(nodes.map((node) => node.id));
  const edges = (Array.isArray(value.edges) ? value.edges : []).filter(
    (edge): edge is GraphEdge =>
      isRecord(edge) &&
      isId(edge.id) &&
      isId(edge.sourceHandle) &&
      ids.has(edge.source as string) &&
      ids.has(edge.target as string),
  );
  const notes = (Array.isArray(value.notes) ? value.notes : []).filter(
    (note): note is GraphNote =>
      isRecord(note) && isId(note.id) && isPosition(note.position) && typeof note.text === 'string',
  );
  return {
    fragment: { kind: 'loa-nodes', nodes, edges, notes },
    skipped: value.nodes.length - nodes.length,
  };
}

export const isEmptyFragment = (fragment: Fragment) => fragment.nodes.length + fragment.notes.length === 0;

/** Replaces references to pasted steps inside a config (e.g. a "send outcome of step X" rule). */
function remapReferences(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => remapReferences(item, ids));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'nodeId' && typeof item === 'string' && ids.has(item)
        ? ids.get(item)
        : remapReferences(item, ids),
    ]),
  );
}

export interface Pasted {
  graph: EditorGraph;
  nodeIds: string[];
  noteIds: string[];
}

/** Adds a fragment with new ids, moved by `offset`; references between pasted steps follow their new ids. */
export function pasteFragment(graph: EditorGraph, fragment: Fragment, offset: XY): Pasted {
  const taken = idsOf(graph);
  const ids = new Map<string, string>();
  const fresh = (id: string) => {
    const prefix = id.replace(/-[a-z0-9]{6}$/, '').slice(0, 40) || 'step';
    const next = newId(prefix, taken);
    taken.add(next);
    ids.set(id, next);
    return next;
  };
  const move = (position: XY) => ({
    x: Math.round(position.x + offset.x),
    y: Math.round(position.y + offset.y),
  });
  const nodes = fragment.nodes.map((node) => ({
    ...node,
    id: fresh(node.id),
    position: move(node.position),
  }));
  const notes = fragment.notes.map((note) => ({
    ...note,
    id: fresh(note.id),
    position: move(note.position),
  }));
  const remapped = nodes.map(
    (node) => ({ ...node, data: remapReferences(node.data, ids) }) as GraphNodeInput,
  );
  const edges = fragment.edges.map((edge) => ({
    ...edge,
    id: fresh(edge.id),
    source: ids.get(edge.source) as string,
    target: ids.get(edge.target) as string,
  }));
  return {
    graph: {
      ...graph,
      nodes: [...graph.nodes, ...remapped],
      edges: [...graph.edges, ...edges],
      notes: [...graph.notes, ...notes],
    },
    nodeIds: nodes.map((node) => node.id),
    noteIds: notes.map((note) => note.id),
  };
}
