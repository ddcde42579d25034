import { STEP_OUTCOMES } from '../journey/journey-vocabulary';
import { classifyActivityFailure } from './activity-failure';
import type { JourneySession } from './journey-session';
import { failedInternally, logged, type PerformedAction, type PerformResult } from './perform-result';
import { performSend } from './perform-send';
import { performDelay, performWaitEvent, performWaitUntil } from './perform-wait';

type Action = PerformedAction;

/** Performs one action of the interpreter (DESIGN §3 node semantics) and reports its outcome. */
export async function performAction(session: JourneySession, action: Action): Promise<PerformResult> {
  switch (action.kind) {
    case 'delay':
      return performDelay(session, action);
    case 'wait_until':
      return performWaitUntil(session, action);
    case 'wait_event':
      return performWaitEvent(session, action);
    case 'condition':
      return internal(session, action, async () => {
        const result = await session.driver.internal.evaluateCondition({
          journey: session.ref,
          stepId: action.stepId,
          rule: action.rule,
        });
        return logged(session, action, result ? STEP_OUTCOMES.yes : STEP_OUTCOMES.no, {
          kind: 'condition',
          result,
        });
      });
    case 'send':
      return performSend(session, action);
    case 'update_contact':
      return internal(session, action, async () => {
        await session.driver.internal.updateContact({
          journey: session.ref,
          stepId: action.stepId,
          idempotencyKey: session.stepKey(action.stepId, action.visit),
          step: action.step,
        });
        return logged(session, action, STEP_OUTCOMES.updated, { kind: 'contact_updated' });
      });
    case 'http':
      return performHttp(session, action);
  }
}

async function performHttp(
  session: JourneySession,
  action: Extract<Action, { kind: 'http' }>,
): Promise<PerformResult> {
  try {
    const response = await session.driver.http.callHttp({
      journey: session.ref,
      stepId: action.stepId,
      idempotencyKey: session.stepKey(action.stepId, action.visit),
      step: action.step,
    });
    const detail = response.error ?? (response.status === undefined ? undefined : `HTTP ${response.status}`);
    return logged(
      session,
      action,
      response.success ? STEP_OUTCOMES.success : STEP_OUTCOMES.failure,
      { kind: 'http', success: response.success },
      detail,
    );
  } catch (error) {
    const failure = classifyActivityFailure(error, Date.now());
    return logged(session, action, STEP_OUTCOMES.failure, { kind: 'http', success: false }, failure.reason);
  }
}

/** Contact data activities retry for about an hour; if they still fail, the journey leaves as failed. */
async function internal(
  session: JourneySession,
  action: Action,
  perform: () => Promise<PerformResult>,
): Promise<PerformResult> {
  try {
    return await perform();
  } catch (error) {
    return failedInternally(session, action, error);
  }
}
