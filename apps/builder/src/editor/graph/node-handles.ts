import { handlesOf, isNodeType, type GraphNodeInput, type NodeConfig } from '@loa/engine/browser';
import type { Translate } from './node-summary';

/** The out handles a node offers; a config too broken to say (e.g. a split without variants) offers none. */
export function outHandlesOf(node: GraphNodeInput): string[] {
  if (!isNodeType(node.type)) return [];
  try {
    const handles = handlesOf(node.type, node.data as NodeConfig<typeof node.type>);
    return Array.isArray(handles) ? handles.filter((handle) => typeof handle === 'string') : [];
  } catch {
    return [];
  }
}

/** A handle shows as its variant's label and weight on a split ("A · 50%"), else as its name. */
export interface HandleInfo {
  id: string;
  variant?: { label?: string; weight?: number; holdout?: boolean };
}

export function handleInfosOf(node: GraphNodeInput): HandleInfo[] {
  const handles = outHandlesOf(node);
  if (node.type !== 'branch.split') return handles.map((id) => ({ id }));
  const variants = Array.isArray(node.data.variants) ? node.data.variants : [];
  return handles.map((id) => {
    const variant = variants.find((candidate) => candidate.id === id);
    return variant
      ? { id, variant: { label: variant.label, weight: variant.weight, holdout: variant.holdout } }
      : { id };
  });
}

/** What the canvas writes under a handle: "A · 50%" for a split's variant, else the handle's name ("yes"). */
export function handleLabel(handle: HandleInfo, t: Translate): string {
  return handle.variant
    ? `${handle.variant.label || handle.id} · ${handle.variant.weight ?? 0}%`
    : t(`handles.${handle.id}`, { defaultValue: handle.id });
}
