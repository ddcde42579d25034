import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { JourneyActivities } from '../journey/journey-contract';
import {
  INTERNAL_ACTIVITY_OPTIONS,
  PROVIDER_ACTIVITY_OPTIONS,
  RECORD_ACTIVITY_OPTIONS,
} from './activity-options';

/** The journey's activities with their options: provider calls, contact data, progress records. */
export const providerActivities =
  proxyActivities<Pick<JourneyActivities, 'sendZns' | 'sendOa' | 'sendSms' | 'sendEmail' | 'callHttp'>>(
    PROVIDER_ACTIVITY_OPTIONS,
  );

export const internalActivities =
  proxyActivities<
    Pick<
      JourneyActivities,
      'evaluateCondition' | 'readContactAttributes' | 'updateContact' | 'getCampaignState'
    >
  >(INTERNAL_ACTIVITY_OPTIONS);

export const recordActivities =
  proxyLocalActivities<Pick<JourneyActivities, 'recordJourney'>>(RECORD_ACTIVITY_OPTIONS);
