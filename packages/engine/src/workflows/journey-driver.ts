import { condition, workflowInfo } from '@temporalio/workflow';
import type { JourneyActivities } from '../journey/journey-contract';
import type { ResumedWait } from './journey-continuation';
import type { JourneySession } from './journey-session';
import {
  httpActivities,
  internalActivities,
  providerActivities,
  recordActivities,
} from './journey-activities';

export type ProviderActivities = Pick<JourneyActivities, 'sendZns' | 'sendOa' | 'sendSms' | 'sendEmail'>;
export type HttpActivities = Pick<JourneyActivities, 'callHttp'>;
export type InternalActivities = Pick<
  JourneyActivities,
  'evaluateCondition' | 'readContactAttributes' | 'updateContact' | 'getCampaignState'
>;
export type RecordActivities = Pick<JourneyActivities, 'recordJourney'>;

/**
 * What one journey needs from the workflow that runs it: its identity, its activities and its clock. A
 * contactJourney runs one journey on its own workflow; a cohortJourney runs many journeys side by side, batching
 * their activities and sharing their timers (DESIGN §6), with exactly the same step code.
 */
export interface JourneyDriver {
  /** The enrollment's workflow id and first run id: the source of its idempotency keys. */
  readonly workflowId: string;
  readonly enrollmentId: string;
  /** The cohortJourney workflow running this journey, when it is not the journey's own. */
  readonly cohortWorkflowId?: string;
  readonly provider: ProviderActivities;
  readonly http: HttpActivities;
  readonly internal: InternalActivities;
  readonly record: RecordActivities;
  /** Waits until `done` holds or the workflow clock reaches `untilMs`; true when `done` held. */
  waitUntil(done: () => boolean, untilMs: number): Promise<boolean>;
  /** Whether this journey may continue as new when due on a workflow of its own. */
  readonly continuesAsNew: boolean;
  /** A cohort member continues as new with its cohort: it hands its state over instead (see CohortHandOver). */
  readonly handOver?: JourneyHandOver;
}

/** How a cohort's journeys continue as new together. */
export interface JourneyHandOver {
  /** Whether the cohort is continuing as new: each journey stops at its next step or wait and hands over. */
  due(): boolean;
  /** Stops the journey for good in this run; the cohort carries its state (and `wait`) into the next run. */
  park(session: JourneySession, wait?: ResumedWait): Promise<never>;
}

/** The driver of a contactJourney: the workflow is the journey's own. */
export function ownWorkflowDriver(): JourneyDriver {
  const { workflowId, firstExecutionRunId } = workflowInfo();
  return {
    workflowId,
    enrollmentId: firstExecutionRunId,
    provider: providerActivities,
    http: httpActivities,
    internal: internalActivities,
    record: recordActivities,
    waitUntil: (done, untilMs) => condition(done, untilMs - Date.now()),
    continuesAsNew: true,
  };
}
