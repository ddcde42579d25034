import { defineQuery, defineSignal } from '@temporalio/workflow';
import {
  CAMPAIGN_RUN_PROGRESS_QUERY,
  CANCEL_RUN_SIGNAL,
  PAUSE_RUN_SIGNAL,
  RESUME_RUN_SIGNAL,
  type CampaignRunProgress,
} from '../journey/campaign-run-contract';

export const pauseRunSignal = defineSignal(PAUSE_RUN_SIGNAL);
export const resumeRunSignal = defineSignal(RESUME_RUN_SIGNAL);
/** Stops the run after the batches in flight; journeys already started are not touched. */
export const cancelRunSignal = defineSignal(CANCEL_RUN_SIGNAL);
export const campaignRunProgressQuery = defineQuery<CampaignRunProgress>(CAMPAIGN_RUN_PROGRESS_QUERY);
