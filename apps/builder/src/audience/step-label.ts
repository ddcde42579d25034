/** A step's name as the campaign version's graph labels it, or its id when the graph has no label for it. Pure. */
export function stepLabelOf(
  graph: { nodes: Array<{ id: string; data?: unknown }> } | undefined,
  stepId: string,
): string {
  const data = graph?.nodes.find((node) => node.id === stepId)?.data;
  const label = data && typeof data === 'object' ? (data as Record<string, unknown>)['label'] : undefined;
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : stepId;
}
