import { setHandler } from '@temporalio/workflow';
import type { ContactJourneyInput } from '../journey/journey-contract';
import type { JourneyResult } from '../journey/journey-status';
import { ownWorkflowDriver } from './journey-driver';
import { campaignStateSignal, journeyEventSignal, journeyStatusQuery } from './journey-messages';
import { JourneySession } from './journey-session';
import { runJourney } from './run-journey';

// Changing what this workflow does for histories already recorded needs patched() (and a replay test fixture).

/** One contact's enrollment in one campaign version (DESIGN §6), on a workflow of its own. */
export async function contactJourney(input: ContactJourneyInput): Promise<JourneyResult> {
  const session = new JourneySession(input, ownWorkflowDriver());
  setHandler(journeyEventSignal, (event) => session.receiveEvent(event));
  setHandler(campaignStateSignal, (state) => session.receiveCampaignState(state));
  setHandler(journeyStatusQuery, () => session.status());
  return runJourney(session);
}
