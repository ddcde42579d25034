import type { StepOutcome } from '../interpreter/journey-state';

/** What performing one action gives: an outcome for the interpreter, or a reason to leave the journey now. */
export type PerformResult = Exclude<StepOutcome, { kind: 'entered' }> | { kind: 'exit'; reason: string };
