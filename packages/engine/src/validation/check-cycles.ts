import type { NodeType } from '../graph/node-catalogue';
import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { formatPath } from './paths';
import { listOf } from './text';
import type { Topology } from './topology';

const WAIT_TYPES: ReadonlySet<NodeType | undefined> = new Set<NodeType>([
  'wait.delay',
  'wait.until',
  'wait.event',
]);

/**
 * Loops a contact could go round without ever waiting (it would spin). Waits are removed from the graph; every
 * strongly connected component that still contains a cycle is such a loop and is reported once. Tarjan's algorithm,
 * iterative so that long chains cannot overflow the stack.
 */
export function checkCycles(topology: Topology, sink: DiagnosticSink): void {
  const { nodes, offsets, targets } = topology;
  const count = nodes.length;
  const skip = new Uint8Array(count);
  nodes.forEach((node, slot) => {
    if (WAIT_TYPES.has(node.type)) skip[slot] = 1;
  });
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const cursor = new Int32Array(count);
  const stack: number[] = [];
  const calls: number[] = [];
  const loops: number[][] = [];
  let counter = 0;

  for (let root = 0; root < count; root++) {
    if (skip[root] || order[root] !== -1) continue;
    visit(root);
    while (calls.length > 0) {
      const slot = calls[calls.length - 1];
      if (cursor[slot] < offsets[slot + 1]) {
        const next = targets[cursor[slot]++];
        if (skip[next]) continue;
        if (order[next] === -1) visit(next);
        else if (onStack[next]) low[slot] = Math.min(low[slot], order[next]);
        continue;
      }
      calls.pop();
      if (low[slot] === order[slot]) component(slot);
      if (calls.length > 0) {
        const parent = calls[calls.length - 1];
        low[parent] = Math.min(low[parent], low[slot]);
      }
    }
  }
  loops.sort((a, b) => a[0] - b[0]);
  for (const loop of loops) report(loop.map((member) => nodes[member]));

  function visit(slot: number): void {
    order[slot] = low[slot] = counter++;
    cursor[slot] = offsets[slot];
    stack.push(slot);
    onStack[slot] = 1;
    calls.push(slot);
  }

  function component(rootSlot: number): void {
    const members: number[] = [];
    let slot: number;
    do {
      slot = stack.pop() as number;
      onStack[slot] = 0;
      members.push(slot);
    } while (slot !== rootSlot);
    if (members.length === 1 && !hasSelfLoop(rootSlot)) return;
    loops.push(members.sort((a, b) => a - b));
  }

  function hasSelfLoop(slot: number): boolean {
    for (let i = offsets[slot]; i < offsets[slot + 1]; i++) if (targets[i] === slot) return true;
    return false;
  }

  function report(loop: NodeInfo[]): void {
    const first = loop[0];
    const names = listOf(loop.map((node) => node.name));
    sink.add(
      'CYCLE_WITHOUT_WAIT',
      loop.length === 1
        ? `${first.name} leads back to itself without any wait: contacts would go round endlessly. Add a wait step to the loop or remove the connection.`
        : `${names} form a loop without any wait: contacts would go round endlessly. Add a wait step to the loop or remove a connection.`,
      { nodeId: first.id, path: formatPath(first.path), params: { steps: loop.length } },
    );
  }
}
