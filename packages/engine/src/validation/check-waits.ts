import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field, isObject } from './json';
import { formatPath } from './paths';

/** A wait for an event needs a timeout, or contacts whose event never comes wait forever. */
export function checkWaits(nodes: readonly NodeInfo[], sink: DiagnosticSink): void {
  for (const node of nodes) {
    if (node.type !== 'wait.event' || !isObject(node.data) || field(node.data, 'timeout') !== undefined)
      continue;
    sink.add(
      'WAIT_EVENT_WITHOUT_TIMEOUT',
      `${node.name} waits for an event without a timeout: contacts would wait forever. Set how long to wait.`,
      { nodeId: node.id, path: formatPath([...node.path, 'data', 'timeout']) },
    );
  }
}
