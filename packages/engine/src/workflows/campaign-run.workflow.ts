import {
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  CampaignRunActivities,
  CampaignRunInput,
  CampaignRunProgress,
  RunExecution,
} from '../journey/campaign-run-contract';
import { MAX_COHORT_CONTACTS } from '../journey/cohort-contract';
import { advertisingSmsAccountIds } from '../plan/advertising-sms-accounts';
import { BATCH_ACTIVITY_OPTIONS, INTERNAL_ACTIVITY_OPTIONS } from './activity-options';
import {
  campaignRunProgressQuery,
  cancelRunSignal,
  pauseRunSignal,
  resumeRunSignal,
} from './campaign-run-messages';

const { fetchAudiencePage, getRunSettings } =
  proxyActivities<CampaignRunActivities>(INTERNAL_ACTIVITY_OPTIONS);
const { startJourneys, startCohort } = proxyActivities<CampaignRunActivities>(BATCH_ACTIVITY_OPTIONS);

/**
 * Patch: a run measures its audience first and, when it reaches the workspace's cohort threshold, enters its
 * contacts as cohorts (cohortJourney) instead of one journey each. Runs recorded before it enter one journey each.
 */
export const COHORT_EXECUTION = 'cohort-execution';
/** Pages read while measuring the audience (only counted). */
const MEASURE_PAGE_SIZE = 5000;

/**
 * A broadcast (DESIGN §6): pages through the audience and enters its contacts in bounded batches from activities,
 * one journey each or, for a large audience, one cohort per page of contacts. It continues as new every few pages
 * so its history stays small. Pause holds it before the next batch; cancel stops it after the batches in flight.
 */
export async function campaignRun(input: CampaignRunInput): Promise<CampaignRunProgress> {
  const pageSize = bounded(input.pageSize, 500, 5000);
  const batchSize = bounded(input.batchSize, 100, 1000);
  const lanes = bounded(input.batchConcurrency, 2, 8);
  const pagesPerRun = bounded(input.pagesPerRun, 10, 1000);
  const { cursor: carriedCursor = null, cohortSize: carriedCohortSize, ...carried } = input.continued ?? {};
  const progress: CampaignRunProgress = {
    pages: 0,
    contactsSeen: 0,
    journeysStarted: 0,
    journeysSkipped: 0,
    state: 'running',
    ...carried,
  };
  let cursor = carriedCursor;
  let cohortSize = carriedCohortSize ?? 0;

  setHandler(pauseRunSignal, () => {
    if (progress.state === 'running') progress.state = 'paused';
  });
  setHandler(resumeRunSignal, () => {
    if (progress.state === 'paused') progress.state = 'running';
  });
  setHandler(cancelRunSignal, () => {
    if (progress.state !== 'completed') progress.state = 'cancelled';
  });
  setHandler(campaignRunProgressQuery, () => ({ ...progress }));

  /** Waits out a pause; true when the run was cancelled. */
  const cancelled = async () => {
    await condition(() => progress.state !== 'paused');
    return progress.state === 'cancelled';
  };

  if (progress.execution === undefined && progress.pages === 0 && patched(COHORT_EXECUTION)) {
    if (input.plan.settings.enrollmentLimit !== undefined) {
      // A limit is kept by reserving each entry in turn: one journey each.
      progress.execution = 'contact';
    } else {
      const settings = await getRunSettings({
        workspaceId: input.workspaceId,
        advertisingSmsAccountIds: advertisingSmsAccountIds(input.plan),
      });
      cohortSize = Math.min(Math.max(1, Math.floor(settings.cohortSize)), MAX_COHORT_CONTACTS);
      progress.measuring ??= { counted: 0, cursor: null };
      while (progress.execution === undefined) {
        if (await cancelled()) return { ...progress };
        const page = await fetchAudiencePage({
          workspaceId: input.workspaceId,
          audience: input.audience,
          cursor: progress.measuring.cursor,
          pageSize: MEASURE_PAGE_SIZE,
        });
        progress.measuring.counted += page.contactIds.length;
        progress.measuring.cursor = page.nextCursor;
        progress.execution = measuredExecution(progress.measuring, settings.cohortThreshold);
      }
      delete progress.measuring;
    }
  }
  const execution: RunExecution = progress.execution ?? 'contact';
  const { firstExecutionRunId } = workflowInfo();

  for (let pagesThisRun = 0; ; pagesThisRun += 1) {
    if (pagesThisRun >= pagesPerRun || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof campaignRun>({
        ...input,
        continued: { ...progress, cursor, ...(execution === 'cohort' && { cohortSize }) },
      });
    }
    if (await cancelled()) return { ...progress };
    const page = await fetchAudiencePage({
      workspaceId: input.workspaceId,
      audience: input.audience,
      cursor,
      // A cohort is cut from one page: a page holds at least one whole cohort.
      pageSize: execution === 'cohort' ? Math.min(Math.max(pageSize, cohortSize), 5000) : pageSize,
    });
    const pageIndex = progress.pages;
    const batches = chunks(page.contactIds, execution === 'cohort' ? cohortSize : batchSize);
    let next = 0;
    const lane = async () => {
      for (;;) {
        // Another lane may take the last batch while this one waits out a pause: pick only after the wait.
        if ((await cancelled()) || next >= batches.length) return;
        const batchIndex = next++;
        const contactIds = batches[batchIndex];
        const entered = { workspaceId: input.workspaceId, plan: input.plan, runId: input.runId, contactIds };
        const { started, skipped } =
          execution === 'cohort'
            ? await startCohort({
                ...entered,
                cohortId: `cohort:${input.plan.campaignId}:${firstExecutionRunId}:${pageIndex}:${batchIndex}`,
              })
            : await startJourneys(entered);
        progress.journeysStarted += started;
        progress.journeysSkipped += skipped;
        progress.contactsSeen += contactIds.length;
        if (execution === 'cohort' && started > 0)
          progress.cohortsStarted = (progress.cohortsStarted ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(lanes, batches.length) }, lane));
    if (progress.state === 'cancelled') return { ...progress };
    progress.pages += 1;
    cursor = page.nextCursor;
    if (cursor === null) {
      progress.state = 'completed';
      return { ...progress };
    }
  }
}

/** Cohorts once the audience reaches the threshold; one journey each when it ended below it; undecided meanwhile. */
function measuredExecution(
  measuring: { counted: number; cursor: string | null },
  threshold: number,
): RunExecution | undefined {
  if (measuring.counted >= threshold) return 'cohort';
  return measuring.cursor === null ? 'contact' : undefined;
}

function bounded(value: number | undefined, fallback: number, max: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
