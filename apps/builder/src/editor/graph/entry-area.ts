import type { EditorGraph } from './editor-graph';

/**
 * The first `limit` steps of a campaign in the order a contact meets them: from its triggers (or, without one, the
 * steps nothing leads to), breadth first along the connections. A large campaign opens showing these, readable,
 * rather than all of its steps shrunk to fit.
 */
export function entryArea(graph: Pick<EditorGraph, 'nodes' | 'edges'>, limit: number): string[] {
  const targets = new Set(graph.edges.map((edge) => edge.target));
  const triggers = graph.nodes.filter((node) => node.type.startsWith('trigger.')).map((node) => node.id);
  const starts =
    triggers.length > 0 ? triggers : graph.nodes.filter((node) => !targets.has(node.id)).map((n) => n.id);
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0 && seen.size < limit) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return [...seen];
}
