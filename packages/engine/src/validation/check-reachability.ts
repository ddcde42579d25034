import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { formatPath } from './paths';
import type { Topology } from './topology';

/** Nodes no contact can reach from the trigger (warning). Skipped without a trigger: everything would be. */
export function checkReachability(
  topology: Topology,
  triggers: readonly NodeInfo[],
  sink: DiagnosticSink,
): void {
  const { nodes, slotOf, offsets, targets } = topology;
  const queue: number[] = [];
  const reached = new Uint8Array(nodes.length);
  for (const trigger of triggers) {
    const slot = slotOf.get(trigger);
    if (slot !== undefined && !reached[slot]) {
      reached[slot] = 1;
      queue.push(slot);
    }
  }
  if (queue.length === 0) return;
  for (let head = 0; head < queue.length; head++) {
    const slot = queue[head];
    for (let i = offsets[slot]; i < offsets[slot + 1]; i++) {
      const next = targets[i];
      if (!reached[next]) {
        reached[next] = 1;
        queue.push(next);
      }
    }
  }
  nodes.forEach((node, slot) => {
    if (reached[slot] || node.category === 'trigger') return;
    sink.add(
      'UNREACHABLE_NODE',
      `${node.name} is not connected to the journey: no contact will reach it. Connect it or remove it.`,
      { nodeId: node.id, path: formatPath(node.path) },
    );
  });
}
