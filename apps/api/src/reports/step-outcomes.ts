import { STEP_OUTCOMES } from '@loa/engine';

const FAILED: ReadonlySet<string> = new Set([
  STEP_OUTCOMES.failed,
  STEP_OUTCOMES.blocked,
  STEP_OUTCOMES.error,
  STEP_OUTCOMES.failure,
]);

const SUCCEEDED: ReadonlySet<string> = new Set([
  STEP_OUTCOMES.sent,
  STEP_OUTCOMES.elapsed,
  STEP_OUTCOMES.matched,
  STEP_OUTCOMES.timeout,
  STEP_OUTCOMES.yes,
  STEP_OUTCOMES.no,
  STEP_OUTCOMES.updated,
  STEP_OUTCOMES.success,
]);

export type OutcomeKind = 'entered' | 'succeeded' | 'failed' | 'other';

/**
 * How a recorded step outcome counts in the node report: a step is left by success (a send sent, a wait ended,
 * a branch or split taken, an exit step passed) or failure (a send failed or blocked, a webhook's failure, a
 * contact update's error); waiting, deferral, hold and conversion are neither.
 */
export function outcomeKind(outcome: string): OutcomeKind {
  if (outcome === STEP_OUTCOMES.entered) return 'entered';
  if (FAILED.has(outcome)) return 'failed';
  if (SUCCEEDED.has(outcome) || outcome.startsWith('variant:') || outcome.startsWith('exit:'))
    return 'succeeded';
  return 'other';
}

/** Step ids the engine writes for things that are not steps of the graph (an unconnected handle's exit). */
export const isGraphStep = (stepId: string): boolean => !stepId.startsWith('$');
