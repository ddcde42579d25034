import type { Diagnostic } from '@loa/engine/browser';
import type { EditorGraph } from '../graph/editor-graph';

/**
 * Codes only the API can report: it validates in the workspace's context (its templates, accounts, segments,
 * events, contact fields). The browser checks everything else itself, as the graph changes.
 */
export const WORKSPACE_CODES: ReadonlySet<string> = new Set([
  'TEMPLATE_UNKNOWN',
  'TEMPLATE_PARAM_MISSING',
  'TEMPLATE_PARAM_UNKNOWN',
  'TEMPLATE_PARAM_TOO_LONG',
  'ACCOUNT_MISSING',
  'ACCOUNT_UNPUBLISHED',
  'ACCOUNT_WRONG_CHANNEL',
  'ACCOUNT_PURPOSE_UNSUPPORTED',
  'SEGMENT_UNKNOWN',
  'EVENT_NEVER_SEEN',
  'UNKNOWN_CONTACT_FIELD',
]);

/**
 * The live diagnostics, plus the workspace diagnostics of the last save that still concern a step of the graph
 * (a deleted step's problems go with it). Errors first, then warnings, each once.
 */
export function mergeDiagnostics(
  live: readonly Diagnostic[],
  saved: readonly Diagnostic[],
  graph: EditorGraph,
): Diagnostic[] {
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const fromApi = saved.filter(
    (diagnostic) =>
      WORKSPACE_CODES.has(diagnostic.code) &&
      (diagnostic.nodeId === undefined || nodeIds.has(diagnostic.nodeId)),
  );
  const seen = new Set<string>();
  const merged: Diagnostic[] = [];
  for (const diagnostic of [...live, ...fromApi]) {
    const key = `${diagnostic.code}\u0000${diagnostic.nodeId ?? ''}\u0000${diagnostic.edgeId ?? ''}\u0000${diagnostic.path ?? ''}\u0000${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(diagnostic);
  }
  return merged.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export interface ProblemCount {
  errors: number;
  warnings: number;
}

/** Problems per step and per connection, for their badges. */
export function countByTarget(diagnostics: readonly Diagnostic[]): {
  nodes: Record<string, ProblemCount>;
  edges: Record<string, ProblemCount>;
} {
  const nodes: Record<string, ProblemCount> = {};
  const edges: Record<string, ProblemCount> = {};
  const add = (map: Record<string, ProblemCount>, id: string, diagnostic: Diagnostic) => {
    const count = (map[id] ??= { errors: 0, warnings: 0 });
    if (diagnostic.severity === 'error') count.errors += 1;
    else count.warnings += 1;
  };
  for (const diagnostic of diagnostics) {
    if (diagnostic.nodeId !== undefined) add(nodes, diagnostic.nodeId, diagnostic);
    if (diagnostic.edgeId !== undefined) add(edges, diagnostic.edgeId, diagnostic);
  }
  return { nodes, edges };
}
