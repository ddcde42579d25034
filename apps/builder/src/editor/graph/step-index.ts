import type { GraphNodeInput } from './editor-graph';

const indexes = new WeakMap<readonly GraphNodeInput[], Map<string, GraphNodeInput>>();

/** The step with this id; the index is built once per version of the (immutable) steps array. */
export function stepById(steps: readonly GraphNodeInput[], id: string): GraphNodeInput | undefined {
  let index = indexes.get(steps);
  if (!index) {
    index = new Map(steps.map((step) => [step.id, step]));
    indexes.set(steps, index);
  }
  return index.get(id);
}
