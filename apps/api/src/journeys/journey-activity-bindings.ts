import type { Type } from '@nestjs/common';
import {
  journeyBatchActivity,
  type CampaignRunActivities,
  type CohortBatchActivities,
  type JourneyActivities,
} from '@loa/engine';
import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ContactsService } from '../contacts/contacts.service';
import { SendService } from '../messages/send.service';
import { JOURNEY_CAMPAIGNS, type JourneyCampaigns } from './activities/journey-campaigns';
import { createSendBatches } from './activities/send-activities';
import { AudiencePages } from '../broadcasts/audience-pages';
import { createCampaignRunActivities } from '../broadcasts/campaign-run.activities';
import { CohortStarter } from '../enrollment/cohort-starter.service';
import { JourneyStarter } from '../enrollment/journey-starter.service';
import { createCampaignStateActivities } from './activities/campaign-state.activities';
import type { ContactActivities } from './activities/contact-activities';
import { CONTACT_ACTIVITIES, SEND_ACTIVITIES } from './activities/journey-activities.module';
import type { SendActivities } from './activities/send-activities';
import { createHttpActivities } from './activities/http.activities';
import { createRecordActivities } from './activities/record.activities';
import { CAMPAIGN_STATE_SOURCE, type CampaignStateSource } from './campaign-state-source';
import { HttpStepCaller } from './http/http-step-caller.service';
import { JourneyRecorder } from './journey-recorder.service';

/** Looks up a provider of the worker's Nest application (ModuleRef.get). */
export type ProviderLookup = <T>(token: Type<T> | symbol) => T;

/** Every activity the worker's workflows call: contactJourney's, cohortJourney's and campaignRun's. */
export type WorkerActivities = JourneyActivities & CohortBatchActivities & CampaignRunActivities;

/** One factory of workflow activities, given the Nest services it binds. */
export type JourneyActivityBinding = (get: ProviderLookup) => Partial<WorkerActivities>;

/**
 * Every activity factory the worker registers (Temporal's NestJS pattern: plain functions bound from Nest
 * services). Adding a factory is one line here (and its module in JourneysModule's imports).
 */
export const JOURNEY_ACTIVITY_BINDINGS: readonly JourneyActivityBinding[] = [
  (get) => get<SendActivities>(SEND_ACTIVITIES),
  (get) => get<ContactActivities>(CONTACT_ACTIVITIES),
  (get) => createHttpActivities(get(HttpStepCaller)),
  (get) => createRecordActivities(get(JourneyRecorder)),
  (get) => createCampaignStateActivities(get<CampaignStateSource>(CAMPAIGN_STATE_SOURCE)),
  (get) => createCampaignRunActivities(get(AudiencePages), get(JourneyStarter), get(CohortStarter)),
];

// A record, so that an activity added to either contract must be named here.
const WORKER_ACTIVITY_NAMES = Object.keys({
  sendZns: true,
  sendOa: true,
  sendSms: true,
  sendEmail: true,
  evaluateCondition: true,
  readContactAttributes: true,
  updateContact: true,
  callHttp: true,
  recordJourney: true,
  getCampaignState: true,
  fetchAudiencePage: true,
  startJourneys: true,
  getRunSettings: true,
  startCohort: true,
  performJourneyBatch: true,
} satisfies Record<keyof WorkerActivities, true>) as Array<keyof WorkerActivities>;

/**
 * The journey activities of these bindings, and the names of the workflows' activities (JourneyActivities and
 * CampaignRunActivities) none of them provides: the worker warns of them at startup.
 */
export function bindJourneyActivities(
  get: ProviderLookup,
  bindings: readonly JourneyActivityBinding[] = JOURNEY_ACTIVITY_BINDINGS,
): { activities: Partial<WorkerActivities>; unbound: Array<keyof WorkerActivities> } {
  const activities: Partial<WorkerActivities> = {};
  for (const binding of bindings) Object.assign(activities, binding(get));
  // A cohort's batches run through the same activities, with the worker's concurrency, telling Temporal they live.
  const recorder = get(JourneyRecorder);
  const concurrency = get<LoaConfig>(LOA_CONFIG).cohorts.batchConcurrency;
  activities.performJourneyBatch ??= journeyBatchActivity(activities as JourneyActivities, {
    concurrency,
    heartbeat: (done) => Context.current().heartbeat(done),
    timeLimitMs: () => Context.current().info.startToCloseTimeoutMs,
    whole: {
      recordJourney: async (records) => {
        await recorder.recordMany(records);
        return records.map(() => ({ status: 'fulfilled', value: undefined }));
      },
      ...createSendBatches(
        {
          sends: get(SendService),
          contacts: get(ContactsService),
          db: get(DataSource),
          campaigns: get<JourneyCampaigns>(JOURNEY_CAMPAIGNS),
        },
        concurrency,
      ),
    },
  }).performJourneyBatch;
  return { activities, unbound: WORKER_ACTIVITY_NAMES.filter((name) => !activities[name]) };
}
