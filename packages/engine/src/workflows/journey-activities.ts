import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { JourneyActivities } from '../journey/journey-contract';
import {
  HTTP_ACTIVITY_OPTIONS,
  INTERNAL_ACTIVITY_OPTIONS,
  PROVIDER_ACTIVITY_OPTIONS,
  RECORD_ACTIVITY_OPTIONS,
} from './activity-options';

/** The journey's activities with their options: provider calls, HTTP steps, contact data, progress records. */
export const providerActivities =
  proxyActivities<Pick<JourneyActivities, 'sendZns' | 'sendOa' | 'sendSms' | 'sendEmail'>>(
    PROVIDER_ACTIVITY_OPTIONS,
  );

export const httpActivities = proxyActivities<Pick<JourneyActivities, 'callHttp'>>(HTTP_ACTIVITY_OPTIONS);

export const internalActivities =
  proxyActivities<
    Pick<
      JourneyActivities,
      'evaluateCondition' | 'readContactAttributes' | 'updateContact' | 'getCampaignState'
    >
  >(INTERNAL_ACTIVITY_OPTIONS);

export const recordActivities =
  proxyLocalActivities<Pick<JourneyActivities, 'recordJourney'>>(RECORD_ACTIVITY_OPTIONS);
