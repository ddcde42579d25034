import { COHORT_JOURNEY_WORKFLOW, SINGLE_ENTRY_KEY, type CohortJourneyInput, type Plan } from '@loa/engine';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';

/** A cohort whose members' enrollments are written under its id (CohortStarter.reserve), ready to start. */
export interface ReservedCohort {
  workspaceId: string;
  plan: Plan;
  cohortId: string;
  /** The members, in the order the cohort takes them. */
  contactIds: string[];
}

/**
 * Starts the cohort's cohortJourney under its id. A cohort id is never reused, so a workflow already started under
 * it is this cohort: answers false then, true when this call started it.
 */
export async function startCohortJourney(
  temporal: Client,
  taskQueue: string,
  cohort: ReservedCohort,
): Promise<boolean> {
  const input: CohortJourneyInput = {
    workspaceId: cohort.workspaceId,
    plan: cohort.plan,
    contactIds: cohort.contactIds,
    entryKey: SINGLE_ENTRY_KEY,
  };
  try {
    await temporal.workflow.start(COHORT_JOURNEY_WORKFLOW, {
      taskQueue,
      workflowId: cohort.cohortId,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
