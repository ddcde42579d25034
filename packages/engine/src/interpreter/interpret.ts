import type { Plan, Step, StepId } from '../plan/plan.types';
import { EXIT_REASONS, exitOutcome, variantOutcome } from '../journey/journey-vocabulary';
import { chooseVariant } from './choose-variant';
import {
  MAX_STEPS_PER_ENROLLMENT,
  type JourneyAction,
  type JourneyCursor,
  type PassedStep,
  type StepOutcome,
  type Transition,
} from './journey-state';

export interface InterpretContext {
  contactId: string;
}

/**
 * The pure core of a journey (DESIGN §5): given the plan, where the journey stands and the outcome of the action
 * it last performed, returns where it stands now and the next action. Splits and exits resolve here; everything
 * that touches time, events or the outside world is an action for the driver.
 */
export function interpret(
  plan: Plan,
  cursor: JourneyCursor,
  outcome: StepOutcome,
  context: InterpretContext,
): Transition {
  const passed: PassedStep[] = [];
  const visits = { ...cursor.visits };
  let stepsTaken = cursor.stepsTaken;
  let stepId: StepId =
    outcome.kind === 'entered' ? (outcome.at ?? plan.entryStepId) : nextStepId(plan, cursor, outcome);

  for (;;) {
    if (stepsTaken >= MAX_STEPS_PER_ENROLLMENT) {
      return finish(
        { stepId: null, visits, stepsTaken },
        { kind: 'exit', stepId, reason: EXIT_REASONS.stepLimit },
        passed,
      );
    }
    const step = stepAt(plan, stepId);
    visits[stepId] = (visits[stepId] ?? 0) + 1;
    stepsTaken += 1;
    if (step.kind === 'split') {
      const variant = chooseVariant(step, context.contactId, stepId);
      passed.push({ stepId, outcome: variantOutcome(variant.id) });
      stepId = variant.next;
      continue;
    }
    if (step.kind === 'exit') {
      passed.push({ stepId, outcome: exitOutcome(step.reason) });
      return finish(
        { stepId: null, visits, stepsTaken },
        { kind: 'exit', stepId, reason: step.reason },
        passed,
      );
    }
    return finish({ stepId, visits, stepsTaken }, actionFor(step, stepId, visits[stepId]), passed);
  }
}

/**
 * The action a journey standing at `cursor` performs: how a driver resumes after continue-as-new, which carries the
 * cursor only. Throws when the cursor does not stand at an action step of this plan.
 */
export function actionAt(plan: Plan, cursor: JourneyCursor): Exclude<JourneyAction, { kind: 'exit' }> {
  if (cursor.stepId === null) throw new Error('A journey that has not entered or has exited has no action');
  const step = stepAt(plan, cursor.stepId);
  if (step.kind === 'split' || step.kind === 'exit')
    throw new Error(`Step ${cursor.stepId} (${step.kind}) is resolved by the interpreter, not performed`);
  return actionFor(step, cursor.stepId, cursor.visits[cursor.stepId] ?? 1);
}

function finish(cursor: JourneyCursor, action: JourneyAction, passed: PassedStep[]): Transition {
  return { cursor, action, passed };
}

function stepAt(plan: Plan, stepId: StepId): Step {
  const step = plan.steps[stepId];
  if (!step) throw new Error(`Plan ${plan.hash} has no step ${stepId}`);
  return step;
}

function actionFor(
  step: Exclude<Step, { kind: 'split' | 'exit' }>,
  stepId: StepId,
  visit: number,
): Exclude<JourneyAction, { kind: 'exit' }> {
  switch (step.kind) {
    case 'delay':
      return { kind: 'delay', stepId, visit, durationMs: step.durationMs };
    case 'wait_until':
      return { kind: 'wait_until', stepId, visit, until: step.until };
    case 'wait_event':
      return { kind: 'wait_event', stepId, visit, step };
    case 'condition':
      return { kind: 'condition', stepId, visit, rule: step.rule };
    case 'send':
      return { kind: 'send', stepId, visit, step };
    case 'update_contact':
      return { kind: 'update_contact', stepId, visit, step };
    case 'http':
      return { kind: 'http', stepId, visit, step };
  }
}

function nextStepId(
  plan: Plan,
  cursor: JourneyCursor,
  outcome: Exclude<StepOutcome, { kind: 'entered' }>,
): StepId {
  if (cursor.stepId === null)
    throw new Error(`A journey that has not entered or has exited cannot take "${outcome.kind}"`);
  const step = stepAt(plan, cursor.stepId);
  const mismatch = () =>
    new Error(`Outcome "${outcome.kind}" does not fit step ${cursor.stepId} (${step.kind})`);
  switch (step.kind) {
    case 'delay':
    case 'wait_until':
      if (outcome.kind !== 'elapsed') throw mismatch();
      return step.next;
    case 'wait_event':
      if (outcome.kind !== 'event') throw mismatch();
      return outcome.matched ? step.onMatched : step.onTimeout;
    case 'condition':
      if (outcome.kind !== 'condition') throw mismatch();
      return outcome.result ? step.onYes : step.onNo;
    case 'send':
      if (outcome.kind !== 'send') throw mismatch();
      return outcome.success ? step.onSuccess : step.onFailure;
    case 'update_contact':
      if (outcome.kind !== 'contact_updated') throw mismatch();
      return step.next;
    case 'http':
      if (outcome.kind !== 'http') throw mismatch();
      return outcome.success ? step.onSuccess : step.onFailure;
    case 'split':
    case 'exit':
      throw mismatch();
  }
}
