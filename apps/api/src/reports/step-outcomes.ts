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

export type OutcomeKind = 'succeeded' | 'failed' | 'exited' | 'other';

/**
 * How a recorded step outcome counts in the node report. A visit of a step ends with one outcome: success (a send
 * sent, a wait ended, a branch or split taken), failure (a send failed or blocked, a webhook's failure, a contact
 * update's error) or the journey's exit there (an exit step, or the goal or a stop interrupting it). The journey's
 * entry, waiting, deferral, hold and conversion happen during a visit.
 */
export function outcomeKind(outcome: string): OutcomeKind {
  if (FAILED.has(outcome)) return 'failed';
  if (SUCCEEDED.has(outcome) || outcome.startsWith('variant:')) return 'succeeded';
  if (outcome.startsWith('exit:')) return 'exited';
  return 'other';
}

/** The outcomes that end a visit, other than variant:… and exit:… (for SQL). */
export const VISIT_ENDING_OUTCOMES: readonly string[] = [...SUCCEEDED, ...FAILED];

/** Step ids the engine writes for things that are not steps of the graph (an unconnected handle's exit). */
export const isGraphStep = (stepId: string): boolean => !stepId.startsWith('$');
