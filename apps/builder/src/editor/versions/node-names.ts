import { nodeCatalogue } from '@loa/engine/browser';
import type { DiffGraph } from './graph-diff';

/** What the interface calls a node: its label, or its type's title. */
export function nodeNamesOf(...graphs: DiffGraph[]): (nodeId: string) => string {
  const names = new Map<string, string>();
  for (const graph of graphs)
    for (const node of graph.nodes) {
      if (names.has(node.id)) continue;
      const label = typeof node.data['label'] === 'string' ? node.data['label'].trim() : '';
      const title = (nodeCatalogue as Record<string, { title: string } | undefined>)[node.type]?.title;
      names.set(node.id, label || title || node.type);
    }
  return (nodeId) => names.get(nodeId) ?? nodeId;
}
