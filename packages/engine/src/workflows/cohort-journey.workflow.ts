import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  MAX_COHORT_CONTACTS,
  type CohortBatchActivities,
  type CohortContinuation,
  type CohortJourneyInput,
  type CohortProgress,
} from '../journey/cohort-contract';
import { journeyWorkflowId } from '../journey/journey-ids';
import type { JourneyResult } from '../journey/journey-status';
import { BATCH_JOURNEY_ACTIVITY_OPTIONS } from './activity-options';
import {
  cohortEventSignal,
  cohortMemberStateSignal,
  cohortMemberStatusQuery,
  cohortProgressQuery,
} from './cohort-messages';
import { ActivityBatches } from './cohort/activity-batches';
import { COHORT_INPUT_BYTES, CohortHandOver, utf8Bytes } from './cohort/hand-over';
import { SharedTimers } from './cohort/shared-timers';
import type { JourneyDriver } from './journey-driver';
import { campaignStateSignal } from './journey-messages';
import { JourneySession } from './journey-session';
import { runJourney } from './run-journey';

const { performJourneyBatch } = proxyActivities<CohortBatchActivities>(BATCH_JOURNEY_ACTIVITY_OPTIONS);

// Changing what this workflow does for histories already recorded needs patched() (and a replay test fixture).

/** Cohorts started before this could continue as new replay without doing so. */
export const COHORT_CONTINUE_AS_NEW_PATCH = 'loa-cohort-continue-as-new';

/**
 * A page of contacts entering one campaign version together (DESIGN §6 cohort execution). Each contact has its own
 * journey, run by the same code as contactJourney on the same pure interpreter; what the journeys do at the same
 * moment is batched (one activity per step for all of them) and waits that end at the same moment share one timer.
 * Journeys whose paths diverge (a branch, an event, a deferral) simply go on apart.
 */
export async function cohortJourney(input: CohortJourneyInput): Promise<CohortProgress> {
  checkContacts(input.contactIds);
  const earlier = checkContinued(input);
  // The cohort's id names its members' enrollments: the API records them under it before the cohort starts. A cohort
  // id is never reused (each names one page of one campaign run), so it tells enrollments apart as a run id would.
  const { workflowId: cohortWorkflowId } = workflowInfo();
  const timers = new SharedTimers();
  const batches = new ActivityBatches(timers, (batch) => performJourneyBatch(batch));
  const handOver = new CohortHandOver(
    patched(COHORT_CONTINUE_AS_NEW_PATCH),
    input.continueAfterHistoryEvents,
  );
  const activities = {
    provider: {
      sendZns: batches.activity('sendZns'),
      sendOa: batches.activity('sendOa'),
      sendSms: batches.activity('sendSms'),
      sendEmail: batches.activity('sendEmail'),
    },
    http: { callHttp: batches.activity('callHttp') },
    internal: {
      evaluateCondition: batches.activity('evaluateCondition'),
      readContactAttributes: batches.activity('readContactAttributes'),
      updateContact: batches.activity('updateContact'),
      getCampaignState: batches.activity('getCampaignState'),
    },
    record: { recordJourney: batches.activity('recordJourney') },
  };
  const sessions = new Map<string, JourneySession>();
  for (const contactId of input.contactIds) {
    const driver: JourneyDriver = {
      workflowId: journeyWorkflowId(input.plan.campaignId, contactId, input.entryKey),
      enrollmentId: cohortWorkflowId,
      cohortWorkflowId,
      ...activities,
      waitUntil: (done, untilMs) => timers.waitUntil(done, untilMs),
      continuesAsNew: false,
      handOver,
    };
    const entryEvent = input.entryEvents?.[contactId];
    const journeyInput = {
      workspaceId: input.workspaceId,
      contactId,
      plan: input.plan,
      entryKey: input.entryKey,
      ...(entryEvent && { entryEvent }),
      ...(input.startAt !== undefined && { startAt: input.startAt }),
      ...(input.continued && { continued: input.continued.journeys[contactId] }),
    };
    sessions.set(contactId, new JourneySession(journeyInput, driver));
  }

  const results: JourneyResult[] = [];
  let failed = 0;
  const progress = (): CohortProgress => {
    const exitReasons: Record<string, number> = { ...earlier?.exitReasons };
    for (const result of results) exitReasons[result.exitReason] = (exitReasons[result.exitReason] ?? 0) + 1;
    return {
      contacts: earlier?.contacts ?? sessions.size,
      running: sessions.size - results.length - failed,
      exited: (earlier?.exited ?? 0) + results.length,
      failed: (earlier?.failed ?? 0) + failed,
      converted:
        (earlier?.converted ?? 0) + [...sessions.values()].filter((session) => session.converted).length,
      exitReasons,
      batches: (earlier?.batches ?? 0) + batches.batches,
      batchedCalls: (earlier?.batchedCalls ?? 0) + batches.batchedCalls,
    };
  };
  setHandler(cohortEventSignal, ({ contactId, event }) => sessions.get(contactId)?.receiveEvent(event));
  setHandler(campaignStateSignal, (state) => {
    for (const session of sessions.values()) session.receiveCampaignState(state);
  });
  setHandler(cohortMemberStateSignal, ({ contactId, state }) =>
    sessions.get(contactId)?.receiveCampaignState(state),
  );
  setHandler(cohortMemberStatusQuery, (contactId) => sessions.get(contactId)?.status() ?? null);
  setHandler(cohortProgressQuery, progress);

  let fatal: { error: unknown } | undefined;
  for (const session of sessions.values())
    runJourney(session).then(
      (result) => results.push(result),
      (error: unknown) => {
        // A member whose progress could not be recorded fails alone, as its own contactJourney would have; the
        // cohort's cancellation and workflow errors still end the whole cohort.
        if (error instanceof ActivityFailure) failed += 1;
        else fatal ??= { error };
      },
    );
  await condition(
    () => fatal !== undefined || results.length + failed + handOver.parked.size === sessions.size,
  );
  if (fatal) throw fatal.error;
  if (handOver.parked.size > 0) await continueCohort(input, handOver, progress);
  return progress();
}

/** Hands the parked journeys to the cohort's next run: their unrecorded entries recorded first, then their states. */
async function continueCohort(
  input: CohortJourneyInput,
  handOver: CohortHandOver,
  progress: () => CohortProgress,
): Promise<never> {
  await Promise.all([...handOver.parked.keys()].map((session) => session.flush()));
  const parked = [...handOver.parked.keys()];
  const contactIds = parked.map((session) => session.ref.contactId);
  const { running: _running, ...counts } = progress();
  // The next run counts the conversions of the journeys it carries on.
  const carriedConverted = parked.filter((session) => session.converted).length;
  const earlier = { ...counts, converted: counts.converted - carriedConverted };
  const entryEvents = input.entryEvents
    ? Object.fromEntries(
        contactIds.flatMap((id) => (input.entryEvents?.[id] ? [[id, input.entryEvents[id]]] : [])),
      )
    : undefined;
  const next: CohortJourneyInput = {
    ...input,
    contactIds,
    ...(entryEvents && { entryEvents }),
    continued: { version: 1, journeys: {}, earlier },
  };
  const journeys = handOver.continuations(input.plan, COHORT_INPUT_BYTES - utf8Bytes(JSON.stringify(next)));
  return continueAsNew<typeof cohortJourney>({ ...next, continued: { version: 1, journeys, earlier } });
}

/** The counts of a continued cohort's earlier runs; each of its contacts must carry its journey's state. */
function checkContinued(input: CohortJourneyInput): CohortContinuation['earlier'] | undefined {
  const { continued } = input;
  if (continued === undefined) return undefined;
  const fail = (message: string): never => {
    throw ApplicationFailure.nonRetryable(message, 'LoaInvalidContinuation');
  };
  if (continued === null || typeof continued !== 'object' || continued.version !== 1)
    fail('Invalid cohort continuation: not a version 1 continuation');
  const { journeys, earlier } = continued;
  if (journeys === null || typeof journeys !== 'object') fail('Invalid cohort continuation: journeys');
  const missing = input.contactIds.find((id) => journeys[id] === undefined);
  if (missing !== undefined) fail(`Invalid cohort continuation: no journey state for contact ${missing}`);
  if (earlier === null || typeof earlier !== 'object') fail('Invalid cohort continuation: earlier');
  return earlier;
}

function checkContacts(contactIds: unknown): void {
  const fail = (message: string): never => {
    throw ApplicationFailure.nonRetryable(message, 'LoaInvalidCohort');
  };
  if (!Array.isArray(contactIds) || contactIds.length === 0) fail('A cohort needs at least one contact id');
  const ids = contactIds as unknown[];
  if (ids.length > MAX_COHORT_CONTACTS) fail(`A cohort carries at most ${MAX_COHORT_CONTACTS} contacts`);
  if (ids.some((id) => typeof id !== 'string' || id === '')) fail('Contact ids must be non-empty strings');
  if (new Set(ids).size !== ids.length) fail('A contact appears twice in the cohort');
}
