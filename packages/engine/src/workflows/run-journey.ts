import type { JourneyResult } from '../journey/journey-status';
import type { JourneySession } from './journey-session';
import { performAction } from './perform-step';

/** Unrecorded path entries are recorded once this many have piled up, even without a long wait. */
export const RECORD_BATCH_ENTRIES = 500;

/**
 * A journey from entry to exit: a thin loop around the pure interpreter. Between steps it leaves when the goal is
 * reached or the campaign stopped, and continues as new when due (a journey with a workflow of its own).
 */
export async function runJourney(session: JourneySession): Promise<JourneyResult> {
  let action = session.start();
  while (action.kind !== 'exit') {
    const interruption = session.interruption();
    if (interruption) return session.finish({ reason: interruption, stepId: action.stepId, logged: false });
    if (session.continueDue()) await session.continueAsNew();
    if (session.log.pending >= RECORD_BATCH_ENTRIES) await session.flush();
    const result = await performAction(session, action);
    if (result.kind === 'exit')
      return session.finish({ reason: result.reason, stepId: action.stepId, logged: false });
    action = session.advance(result);
  }
  return session.finish({ reason: action.reason, stepId: action.stepId, logged: true });
}
