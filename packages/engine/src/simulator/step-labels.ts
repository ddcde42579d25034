import type { CampaignGraph } from '../graph/graph.schema';
import { nodeCatalogue } from '../graph/node-catalogue';

export interface StepLabel {
  label: string;
  /** The node type, or `exit` for the plan's synthetic exits. */
  kind: string;
}

/** Labels for a path: plans carry none, so they come from the graph (the node's label, else its type's title). */
export function stepLabelsOf(graph: CampaignGraph): (stepId: string) => StepLabel {
  const labels = new Map<string, StepLabel>(
    graph.nodes.map((node) => [
      node.id,
      { label: node.data.label?.trim() || nodeCatalogue[node.type].title, kind: node.type },
    ]),
  );
  return (stepId) => {
    const known = labels.get(stepId);
    if (known) return known;
    const reason = stepId.startsWith('$exit:') ? stepId.slice('$exit:'.length) : stepId;
    return { label: `Exit (${reason})`, kind: 'exit' };
  };
}
