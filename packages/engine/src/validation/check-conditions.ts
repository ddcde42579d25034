import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field } from './json';
import { formatPath } from './paths';
import { clip } from './text';
import { rulesOf } from './rule-tree';

/** "Outcome of an earlier send" rules must point at a send step of this campaign. */
export function checkConditions(
  nodes: readonly NodeInfo[],
  byId: ReadonlyMap<string, NodeInfo>,
  sink: DiagnosticSink,
): void {
  for (const node of nodes) {
    if (node.type !== 'branch.condition') continue;
    for (const { rule, path } of rulesOf(node.data)) {
      if (field(rule, 'kind') !== 'send_outcome') continue;
      const target = field(rule, 'nodeId');
      if (typeof target !== 'string' || target === '') continue;
      const sent = byId.get(target);
      if (sent !== undefined && sent.category === 'send') continue;
      sink.add(
        'SEND_OUTCOME_NODE_INVALID',
        sent === undefined
          ? `${node.name} checks the outcome of a send step that is not in the campaign (${clip(target, 40)}). Choose one of the campaign's send steps.`
          : `${node.name} checks the outcome of ${sent.name}, which does not send a message. Choose a send step.`,
        {
          nodeId: node.id,
          path: formatPath([...node.path, 'data', ...path(), 'nodeId']),
          params: { sendStep: clip(target, 40) },
        },
      );
    }
  }
}
