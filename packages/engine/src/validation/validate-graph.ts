// TEMPORARY shim: the real validation module replaces this file when it is merged.
import { campaignGraphSchema, type CampaignGraph } from '../graph/graph.schema';
import { handlesOf } from '../graph/node-catalogue';
import type { Diagnostic, ValidationContext } from './diagnostics';

export { hasErrors } from './diagnostics';

export function validateGraph(graph: unknown, _context?: ValidationContext): Diagnostic[] {
  const parsed = campaignGraphSchema.safeParse(graph);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const [first, index] = issue.path;
      const node =
        first === 'nodes' && typeof index === 'number'
          ? (graph as { nodes: Array<{ id?: unknown }> }).nodes[index]
          : undefined;
      return {
        severity: 'error',
        code: first === 'nodes' ? 'INVALID_CONFIG' : 'GRAPH_SHAPE',
        message: issue.message,
        ...(typeof node?.id === 'string' && { nodeId: node.id }),
        path: issue.path.join('.'),
      };
    });
  }
  return checkStructure(parsed.data as CampaignGraph);
}

function checkStructure(graph: CampaignGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const triggers = graph.nodes.filter((node) => node.type.startsWith('trigger.'));
  if (triggers.length === 0)
    diagnostics.push({ severity: 'error', code: 'NO_TRIGGER', message: 'Add a trigger.' });
  if (triggers.length > 1)
    diagnostics.push({ severity: 'error', code: 'MULTIPLE_TRIGGERS', message: 'Keep one trigger.' });
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    if (!source) {
      diagnostics.push({ severity: 'error', code: 'EDGE_SOURCE_MISSING', message: 'x', edgeId: edge.id });
      continue;
    }
    if (!byId.has(edge.target))
      diagnostics.push({ severity: 'error', code: 'EDGE_TARGET_MISSING', message: 'x', edgeId: edge.id });
    if (!handlesOf(source.type, source.data as never).includes(edge.sourceHandle))
      diagnostics.push({ severity: 'error', code: 'HANDLE_NOT_OFFERED', message: 'x', edgeId: edge.id });
  }
  for (const node of graph.nodes) {
    if (node.type === 'wait.event' && !node.data.timeout)
      diagnostics.push({
        severity: 'error',
        code: 'WAIT_EVENT_WITHOUT_TIMEOUT',
        message: 'Set a timeout.',
        nodeId: node.id,
      });
  }
  return diagnostics;
}
