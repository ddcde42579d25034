import type { Plan } from '../plan/plan.types';
import { CONTACT_JOURNEY_WORKFLOW, type ContactJourneyInput, type JourneyEvent } from './journey-contract';
import { entryKeyOf, journeyWorkflowId, mayReenterAfterExit } from './journey-ids';

/** Names of the Temporal SDK's WorkflowIdReusePolicy values this engine uses (the engine has no client). */
export type JourneyIdReusePolicy = 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE';
/** Names of the Temporal SDK's WorkflowIdConflictPolicy values this engine uses. */
export type JourneyIdConflictPolicy = 'FAIL' | 'USE_EXISTING';

/**
 * What to do when the journey with this id is running: `fail` makes the start fail with "already started" (a
 * batch counts it as skipped); `use_existing` returns the running journey (an idempotent enrol call). Either way
 * the running journey is left alone: entering twice is a no-op (DESIGN §6).
 */
export type WhenJourneyRunning = 'fail' | 'use_existing';

export interface JourneyEnrollment {
  workflowType: typeof CONTACT_JOURNEY_WORKFLOW;
  workflowId: string;
  /** Whether a closed journey with the same id may run again: only when re-entry allows it. */
  workflowIdReusePolicy: JourneyIdReusePolicy;
  workflowIdConflictPolicy: JourneyIdConflictPolicy;
  input: ContactJourneyInput;
}

/**
 * How to start one contact's journey, as plain values the API passes to the Temporal client. With
 * `signalWithStart` the conflict policy does not apply: a running journey always receives the signal.
 */
export function journeyEnrollment(options: {
  workspaceId: string;
  plan: Plan;
  contactId: string;
  entryEvent?: JourneyEvent;
  whenRunning?: WhenJourneyRunning;
}): JourneyEnrollment {
  const { workspaceId, plan, contactId, entryEvent, whenRunning = 'fail' } = options;
  const entryKey = entryKeyOf(plan, entryEvent);
  return {
    workflowType: CONTACT_JOURNEY_WORKFLOW,
    workflowId: journeyWorkflowId(plan.campaignId, contactId, entryKey),
    workflowIdReusePolicy: mayReenterAfterExit(plan) ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
    workflowIdConflictPolicy: whenRunning === 'use_existing' ? 'USE_EXISTING' : 'FAIL',
    input: { workspaceId, contactId, plan, entryKey, ...(entryEvent && { entryEvent }) },
  };
}

/** The entry key of the re-run of one failed enrollment: its workflow id is then that re-run's alone. */
export function rerunEntryKey(failedEnrollmentId: string): string {
  return `rerun.${failedEnrollmentId}`;
}

/**
 * How to start the re-run of a journey that failed at a send step: a new journey of the contact on `plan` (the
 * campaign's current version) entering at `stepId`, with the failed journey's entry event. Its workflow id is one per
 * failed enrollment, so its sends' idempotency keys differ from the failed attempt's and are the same however often
 * the re-run is asked for; a re-run that ran never runs again (REJECT_DUPLICATE) and a running one is left alone.
 */
export function journeyRerun(options: {
  workspaceId: string;
  plan: Plan;
  contactId: string;
  stepId: string;
  failedEnrollmentId: string;
  entryEvent?: JourneyEvent;
}): JourneyEnrollment {
  const { workspaceId, plan, contactId, stepId, failedEnrollmentId, entryEvent } = options;
  const entryKey = rerunEntryKey(failedEnrollmentId);
  return {
    workflowType: CONTACT_JOURNEY_WORKFLOW,
    workflowId: journeyWorkflowId(plan.campaignId, contactId, entryKey),
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    workflowIdConflictPolicy: 'FAIL',
    input: { workspaceId, contactId, plan, entryKey, startAt: stepId, ...(entryEvent && { entryEvent }) },
  };
}
