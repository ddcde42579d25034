import type { Link, NodeInfo } from './graph-index';

/** The primary nodes as dense numbers with their successors in compressed (CSR) form: linear-time graph walks. */
export interface Topology {
  nodes: NodeInfo[];
  slotOf: Map<NodeInfo, number>;
  /** Successors of slot s are targets[offsets[s]] … targets[offsets[s + 1] - 1]. */
  offsets: Int32Array;
  targets: Int32Array;
}

export function buildTopology(nodes: readonly NodeInfo[], links: readonly Link[]): Topology {
  const primary = nodes.filter((node) => node.primary);
  const slotOf = new Map<NodeInfo, number>();
  primary.forEach((node, slot) => slotOf.set(node, slot));
  const offsets = new Int32Array(primary.length + 1);
  const pairs: Array<[number, number]> = [];
  for (const link of links) {
    const from = slotOf.get(link.from);
    const to = slotOf.get(link.to);
    if (from === undefined || to === undefined) continue;
    pairs.push([from, to]);
    offsets[from + 1]++;
  }
  for (let slot = 0; slot < primary.length; slot++) offsets[slot + 1] += offsets[slot];
  const targets = new Int32Array(pairs.length);
  const fill = offsets.slice(0, primary.length);
  for (const [from, to] of pairs) targets[fill[from]++] = to;
  return { nodes: primary, slotOf, offsets, targets };
}
