import { sha256Hex } from '../plan/content-hash';
import type { SplitStep } from '../plan/plan.types';

/**
 * Deterministic A/B/n assignment: the same contact at the same split always gets the same variant, with
 * probabilities given by the weights (which sum to 100).
 */
export function chooseVariant(
  step: SplitStep,
  contactId: string,
  stepId: string,
): SplitStep['variants'][number] {
  const bucket = (parseInt(sha256Hex(`${stepId}:${contactId}`).slice(0, 8), 16) / 0x1_0000_0000) * 100;
  let cumulative = 0;
  for (const variant of step.variants) {
    cumulative += variant.weight;
    if (bucket < cumulative) return variant;
  }
  return step.variants[step.variants.length - 1];
}
