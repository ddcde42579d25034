import { isNodeType, nodeCatalogue, type NodeCategory } from '@loa/engine/browser';
import type { EditorGraph, GraphNodeInput } from './editor-graph';
import { stepById } from './step-index';

/** What kind of step this is (an unknown type draws as an action). */
export const categoryOf = (step: GraphNodeInput): NodeCategory =>
  isNodeType(step.type) ? nodeCatalogue[step.type].category : 'action';

/**
 * Whether a connection from `source` may lead to `target`: another step of the campaign, one that can be entered
 * (a trigger starts the campaign and has no way in). The canvas refuses a drag that breaks this, and so does the
 * store, whichever way the connection is made.
 */
export function acceptsConnection(graph: EditorGraph, link: { source: string; target: string }): boolean {
  if (link.source === link.target) return false;
  const source = stepById(graph.nodes, link.source);
  const target = stepById(graph.nodes, link.target);
  return source !== undefined && target !== undefined && categoryOf(target) !== 'trigger';
}
