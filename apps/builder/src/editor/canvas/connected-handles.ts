import type { GraphEdge } from '../graph/editor-graph';

const cache = new WeakMap<readonly GraphEdge[], Map<string, string>>();

/** The out handles of each step that already lead somewhere ("success\nfailure"), computed once per edge list. */
export function connectedHandlesOf(edges: readonly GraphEdge[], nodeId: string): string {
  let index = cache.get(edges);
  if (!index) {
    const lists = new Map<string, string[]>();
    for (const edge of edges) {
      const list = lists.get(edge.source) ?? [];
      list.push(edge.sourceHandle);
      lists.set(edge.source, list);
    }
    index = new Map([...lists].map(([source, handles]) => [source, handles.sort().join('\n')]));
    cache.set(edges, index);
  }
  return index.get(nodeId) ?? '';
}
