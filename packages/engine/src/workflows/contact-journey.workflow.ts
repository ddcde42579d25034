import { setHandler } from '@temporalio/workflow';
import type { ContactJourneyInput } from '../journey/journey-contract';
import type { JourneyResult } from '../journey/journey-status';
import { campaignStateSignal, journeyEventSignal, journeyStatusQuery } from './journey-messages';
import { JourneySession } from './journey-session';
import { performAction } from './perform-step';

/** Unrecorded path entries are recorded once this many have piled up, even without a long wait. */
export const RECORD_BATCH_ENTRIES = 500;

// Changing what this workflow does for histories already recorded needs patched() (and a replay test fixture).

/**
 * One contact's enrollment in one campaign version (DESIGN §6): a thin loop around the pure interpreter. Between
 * steps it leaves when the goal is reached or the campaign stopped, and continues as new when due.
 */
export async function contactJourney(input: ContactJourneyInput): Promise<JourneyResult> {
  const session = new JourneySession(input);
  setHandler(journeyEventSignal, (event) => session.receiveEvent(event));
  setHandler(campaignStateSignal, (state) => session.receiveCampaignState(state));
  setHandler(journeyStatusQuery, () => session.status());

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
