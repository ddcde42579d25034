import type { CampaignGraphInput, GraphNodeInput } from '../graph/graph.schema';
import type { CampaignSettingsInput } from '../graph/settings.schema';

type NodeSpec = {
  [N in GraphNodeInput as N['type']]: { id: string; type: N['type']; data: N['data'] };
}[GraphNodeInput['type']];

/**
 * A small graph for tests: nodes without positions and edges written as "source:handle->target".
 * graphOf({ nodes: [...], edges: ['start:next->zns', 'zns:failure->sms'] })
 */
export function graphOf(input: {
  nodes: NodeSpec[];
  edges: string[];
  settings?: CampaignSettingsInput;
}): CampaignGraphInput {
  return {
    schemaVersion: 1,
    nodes: input.nodes.map(
      (node, index) => ({ ...node, position: { x: 0, y: index * 120 } }) as GraphNodeInput,
    ),
    edges: input.edges.map((edge, index) => {
      const match = /^([^:]+):(.+?)->(.+)$/.exec(edge);
      if (!match) throw new Error(`graphOf: write edges as source:handle->target, not ${edge}`);
      return { id: `e${index + 1}`, source: match[1], sourceHandle: match[2], target: match[3] };
    }),
    settings: input.settings ?? {},
  };
}
