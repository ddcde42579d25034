// The workflow bundle's entry point: Temporal registers every exported function as a workflow type, so only
// workflows and message definitions (plain objects) are exported here.
export { campaignRun } from './campaign-run.workflow';
export {
  campaignRunProgressQuery,
  cancelRunSignal,
  pauseRunSignal,
  resumeRunSignal,
} from './campaign-run-messages';
export { cohortJourney } from './cohort-journey.workflow';
export {
  cohortEventSignal,
  cohortMemberStateSignal,
  cohortMemberStatusQuery,
  cohortProgressQuery,
} from './cohort-messages';
export { contactJourney } from './contact-journey.workflow';
export { diagnosticsPing } from './diagnostics-ping.workflow';
export { campaignStateSignal, journeyEventSignal, journeyStatusQuery } from './journey-messages';
