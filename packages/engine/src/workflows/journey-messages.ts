import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CampaignState, JourneyEvent } from '../journey/journey-contract';
import {
  CAMPAIGN_STATE_SIGNAL,
  JOURNEY_EVENT_SIGNAL,
  JOURNEY_STATUS_QUERY,
  type JourneyStatus,
} from '../journey/journey-status';

/** An event for the journey (DESIGN §6); duplicates (same id) are ignored. */
export const journeyEventSignal = defineSignal<[JourneyEvent]>(JOURNEY_EVENT_SIGNAL);
/** The campaign was paused, resumed (active) or stopped. */
export const campaignStateSignal = defineSignal<[CampaignState]>(CAMPAIGN_STATE_SIGNAL);
/** Where the contact is: current step, waiting state, recent path. */
export const journeyStatusQuery = defineQuery<JourneyStatus>(JOURNEY_STATUS_QUERY);
