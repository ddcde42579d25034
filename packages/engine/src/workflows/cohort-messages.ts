import { defineQuery, defineSignal } from '@temporalio/workflow';
import {
  COHORT_EVENT_SIGNAL,
  COHORT_MEMBER_STATE_SIGNAL,
  COHORT_MEMBER_STATUS_QUERY,
  COHORT_PROGRESS_QUERY,
  type CohortEvent,
  type CohortMemberState,
  type CohortProgress,
} from '../journey/cohort-contract';
import type { JourneyStatus } from '../journey/journey-status';

/** An event for one member of the cohort (its goal, its wait.event). */
export const cohortEventSignal = defineSignal<[CohortEvent]>(COHORT_EVENT_SIGNAL);
/** One member's campaign state: `stopped` cancels that contact's journey alone. */
export const cohortMemberStateSignal = defineSignal<[CohortMemberState]>(COHORT_MEMBER_STATE_SIGNAL);
/** Where one member is (null: not a member of this cohort). */
export const cohortMemberStatusQuery = defineQuery<JourneyStatus | null, [string]>(
  COHORT_MEMBER_STATUS_QUERY,
);
export const cohortProgressQuery = defineQuery<CohortProgress>(COHORT_PROGRESS_QUERY);
