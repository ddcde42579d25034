/** A short id that matches the engine's id rules ([A-Za-z0-9_-]) and is not in `taken`. */
export function newId(
  prefix: string,
  taken: ReadonlySet<string>,
  random: () => number = Math.random,
): string {
  for (;;) {
    const id = `${prefix}-${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0')}`;
    if (!taken.has(id)) return id;
  }
}

export function idsOf(graph: {
  nodes: ReadonlyArray<{ id: string }>;
  edges: ReadonlyArray<{ id: string }>;
  notes: ReadonlyArray<{ id: string }>;
}): Set<string> {
  return new Set([...graph.nodes, ...graph.edges, ...graph.notes].map((item) => item.id));
}
