import type { JourneyAction, StepOutcome } from '../interpreter/journey-state';
import { EXIT_REASONS, STEP_OUTCOMES } from '../journey/journey-vocabulary';
import { classifyActivityFailure } from './activity-failure';
import type { JourneySession } from './journey-session';

/** What performing one action gives: an outcome for the interpreter, or a reason to leave the journey now. */
export type PerformResult = Exclude<StepOutcome, { kind: 'entered' }> | { kind: 'exit'; reason: string };

/** An action the driver performs (exits are resolved by the interpreter). */
export type PerformedAction = Exclude<JourneyAction, { kind: 'exit' }>;

/** Logs the step's outcome on the path and returns `result`. */
export function logged(
  session: JourneySession,
  action: PerformedAction,
  outcome: string,
  result: PerformResult,
  detail?: string,
): PerformResult {
  session.log.add(action.stepId, outcome, detail);
  return result;
}

/** Contact data activities retry for about an hour; if they still fail, the journey leaves as failed. */
export function failedInternally(
  session: JourneySession,
  action: PerformedAction,
  error: unknown,
): PerformResult {
  const failure = classifyActivityFailure(error, Date.now());
  session.log.add(action.stepId, STEP_OUTCOMES.error, failure.reason);
  return { kind: 'exit', reason: EXIT_REASONS.failed };
}
