/**
 * What changed between two campaign graphs, node by node: the builder's version diff. Pure, so that it is
 * unit-tested and the same for every screen that compares graphs.
 */
export interface DiffNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
}

export interface DiffEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

export interface DiffGraph {
  nodes: DiffNode[];
  edges: DiffEdge[];
  settings?: Record<string, unknown>;
}

export type NodeChangeKind = 'added' | 'removed' | 'changed';

export interface Connection {
  sourceHandle: string;
  target: string;
}

export interface NodeChange {
  nodeId: string;
  kind: NodeChangeKind;
  type: string;
  label: string | undefined;
  /** Changed: the config fields that differ (top-level keys of `data`, plus `type` when it changed). */
  fields: string[];
  /** Changed: outgoing connections that appeared or went away. */
  connectionsAdded: Connection[];
  connectionsRemoved: Connection[];
}

export interface GraphDiff {
  changes: NodeChange[];
  /** Campaign settings keys that differ (timezone, quiet hours, goal …). */
  settingsChanged: string[];
  /** Nodes that only moved on the canvas: no change to what the campaign does. */
  moved: string[];
}

/** Diff `from` (the older graph) → `to` (the newer one). Edges are compared by what they connect, not their ids. */
export function diffGraphs(from: DiffGraph, to: DiffGraph): GraphDiff {
  const before = new Map(from.nodes.map((node) => [node.id, node]));
  const after = new Map(to.nodes.map((node) => [node.id, node]));
  const outgoingBefore = connectionsBySource(from.edges);
  const outgoingAfter = connectionsBySource(to.edges);
  const changes: NodeChange[] = [];
  const moved: string[] = [];

  for (const node of to.nodes) {
    const old = before.get(node.id);
    if (!old) {
      changes.push(change(node, 'added'));
      continue;
    }
    const fields = changedKeys(old.data, node.data);
    if (old.type !== node.type) fields.unshift('type');
    const oldOut = outgoingBefore.get(node.id) ?? [];
    const newOut = outgoingAfter.get(node.id) ?? [];
    const connectionsAdded = newOut.filter((edge) => !oldOut.some((other) => sameConnection(edge, other)));
    const connectionsRemoved = oldOut.filter((edge) => !newOut.some((other) => sameConnection(edge, other)));
    if (fields.length > 0 || connectionsAdded.length > 0 || connectionsRemoved.length > 0)
      changes.push({ ...change(node, 'changed'), fields, connectionsAdded, connectionsRemoved });
    else if (old.position.x !== node.position.x || old.position.y !== node.position.y) moved.push(node.id);
  }
  for (const node of from.nodes) if (!after.has(node.id)) changes.push(change(node, 'removed'));

  return { changes, settingsChanged: changedKeys(from.settings ?? {}, to.settings ?? {}), moved };
}

/** The canvas modifier per node: `added`, `changed` or `removed`. */
export function diffDecorations(diff: GraphDiff): Record<string, NodeChangeKind> {
  return Object.fromEntries(diff.changes.map((entry) => [entry.nodeId, entry.kind]));
}

/**
 * The graph the diff view draws: the newer graph, plus each removed node at its old position and the old edges
 * between nodes that are still drawn, so that what went away shows where it was.
 */
export function diffDisplayGraph<G extends DiffGraph>(from: DiffGraph, to: G, diff: GraphDiff): G {
  const removed = new Set(
    diff.changes.filter((entry) => entry.kind === 'removed').map((entry) => entry.nodeId),
  );
  const ghosts = from.nodes.filter((node) => removed.has(node.id));
  const drawn = new Set([...to.nodes.map((node) => node.id), ...removed]);
  const edgeIds = new Set(to.edges.map((edge) => edge.id));
  const ghostEdges = from.edges
    .filter((edge) => (removed.has(edge.source) || removed.has(edge.target)) && drawn.has(edge.source))
    .filter((edge) => drawn.has(edge.target))
    .map((edge) => (edgeIds.has(edge.id) ? { ...edge, id: `removed:${edge.id}` } : edge));
  return { ...to, nodes: [...to.nodes, ...ghosts], edges: [...to.edges, ...ghostEdges] };
}

function change(node: DiffNode, kind: NodeChangeKind): NodeChange {
  const label =
    typeof node.data['label'] === 'string' && node.data['label'] !== '' ? node.data['label'] : undefined;
  return {
    nodeId: node.id,
    kind,
    type: node.type,
    label,
    fields: [],
    connectionsAdded: [],
    connectionsRemoved: [],
  };
}

function connectionsBySource(edges: DiffEdge[]): Map<string, Connection[]> {
  const bySource = new Map<string, Connection[]>();
  for (const edge of edges)
    bySource.set(edge.source, [
      ...(bySource.get(edge.source) ?? []),
      { sourceHandle: edge.sourceHandle, target: edge.target },
    ]);
  return bySource;
}

const sameConnection = (a: Connection, b: Connection) =>
  a.sourceHandle === b.sourceHandle && a.target === b.target;

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => !deepEqual(a[key], b[key]));
}

/** Structural equality of JSON values, whatever the order of object keys. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => deepEqual(left[key], right[key]));
}
