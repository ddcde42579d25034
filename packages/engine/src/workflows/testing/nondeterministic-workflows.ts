import { sleep } from '@temporalio/workflow';
import type { ContactJourneyInput } from '../../journey/journey-contract';
import type { JourneyResult } from '../../journey/journey-status';
import { contactJourney as currentJourney } from '../contact-journey.workflow';

/**
 * contactJourney as a careless edit would leave it: a new timer before everything else, without patched(). The
 * replay test proves that recorded histories catch such an edit.
 */
export async function contactJourney(input: ContactJourneyInput): Promise<JourneyResult> {
  await sleep('1 minute');
  return currentJourney(input);
}
