import {
  CAMPAIGN_STATE_SIGNAL,
  COHORT_EVENT_SIGNAL,
  COHORT_MEMBER_STATE_SIGNAL,
  COHORT_MEMBER_STATUS_QUERY,
  JOURNEY_EVENT_SIGNAL,
  JOURNEY_STATUS_QUERY,
  type CampaignState,
  type CohortEvent,
  type CohortMemberState,
  type JourneyEvent,
  type JourneyStatus,
} from '@loa/engine';
import type { Client } from '@temporalio/client';

/**
 * How to reach one contact's journey: its own contactJourney workflow, or the cohortJourney it is a member of (its
 * enrollment's workflow id then names no Temporal workflow; the cohort answers for it by contact id).
 */
export type JourneyAddress =
  | { execution: 'contact'; workflowId: string }
  | { execution: 'cohort'; cohortWorkflowId: string; contactId: string };

/** The enrollment columns that say how its journey runs. */
export interface RoutedEnrollmentRow {
  workflow_id: string;
  contact_id: string;
  cohort_workflow_id: string | null;
}

export function journeyAddressOf(row: RoutedEnrollmentRow): JourneyAddress {
  return row.cohort_workflow_id === null
    ? { execution: 'contact', workflowId: row.workflow_id }
    : { execution: 'cohort', cohortWorkflowId: row.cohort_workflow_id, contactId: row.contact_id };
}

/** The workflow that runs the journey (the cohort for a member). */
export function runningWorkflowId(address: JourneyAddress): string {
  return address.execution === 'contact' ? address.workflowId : address.cohortWorkflowId;
}

/** The journey's status; null when its cohort does not know the contact. Rejects as the workflow call does. */
export async function queryJourneyStatus(
  client: Client,
  address: JourneyAddress,
): Promise<JourneyStatus | null> {
  const handle = client.workflow.getHandle(runningWorkflowId(address));
  if (address.execution === 'contact') return handle.query<JourneyStatus>(JOURNEY_STATUS_QUERY);
  return handle.query<JourneyStatus | null, [string]>(COHORT_MEMBER_STATUS_QUERY, address.contactId);
}

/** Sends an event to the journey (its goal, its wait.event). */
export async function signalJourneyEvent(
  client: Client,
  address: JourneyAddress,
  event: JourneyEvent,
): Promise<void> {
  const handle = client.workflow.getHandle(runningWorkflowId(address));
  if (address.execution === 'contact') return handle.signal(JOURNEY_EVENT_SIGNAL, event);
  const member: CohortEvent = { contactId: address.contactId, event };
  return handle.signal(COHORT_EVENT_SIGNAL, member);
}

/** Tells this one journey a campaign state (a cohort member's state leaves the other members alone). */
export async function signalJourneyState(
  client: Client,
  address: JourneyAddress,
  state: CampaignState,
): Promise<void> {
  const handle = client.workflow.getHandle(runningWorkflowId(address));
  if (address.execution === 'contact') return handle.signal(CAMPAIGN_STATE_SIGNAL, state);
  const member: CohortMemberState = { contactId: address.contactId, state };
  return handle.signal(COHORT_MEMBER_STATE_SIGNAL, member);
}
