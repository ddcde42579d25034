import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { formatPath } from './paths';
import { listOf } from './text';

/** Exactly one trigger. Returns the trigger nodes (the roots of reachability). */
export function checkTriggers(nodes: readonly NodeInfo[], sink: DiagnosticSink): NodeInfo[] {
  const triggers = nodes.filter((node) => node.category === 'trigger');
  if (triggers.length === 0) {
    sink.add(
      'NO_TRIGGER',
      'The campaign has no trigger: add one (an event, a segment, a schedule, a date or manual entry) to say how contacts enter.',
      { path: 'nodes' },
    );
  } else if (triggers.length > 1) {
    const names = listOf(triggers.map((trigger) => trigger.name));
    for (const trigger of triggers) {
      sink.add(
        'MULTIPLE_TRIGGERS',
        `The campaign has ${triggers.length} triggers (${names}); a campaign starts from exactly one. Remove the others or make separate campaigns.`,
        { nodeId: trigger.id, path: formatPath(trigger.path), params: { count: triggers.length } },
      );
    }
  }
  return triggers;
}
