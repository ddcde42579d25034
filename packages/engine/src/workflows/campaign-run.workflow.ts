import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type {
  CampaignRunActivities,
  CampaignRunInput,
  CampaignRunProgress,
} from '../journey/campaign-run-contract';
import { BATCH_ACTIVITY_OPTIONS, INTERNAL_ACTIVITY_OPTIONS } from './activity-options';
import {
  campaignRunProgressQuery,
  cancelRunSignal,
  pauseRunSignal,
  resumeRunSignal,
} from './campaign-run-messages';

const { fetchAudiencePage } = proxyActivities<CampaignRunActivities>(INTERNAL_ACTIVITY_OPTIONS);
const { startJourneys } = proxyActivities<CampaignRunActivities>(BATCH_ACTIVITY_OPTIONS);

/**
 * A broadcast (DESIGN §6): pages through the audience and starts its journeys in bounded batches from activities,
 * continuing as new every few pages so its history stays small. Pause holds it before the next batch; cancel
 * stops it after the batches in flight.
 */
export async function campaignRun(input: CampaignRunInput): Promise<CampaignRunProgress> {
  const pageSize = bounded(input.pageSize, 500, 5000);
  const batchSize = bounded(input.batchSize, 100, 1000);
  const lanes = bounded(input.batchConcurrency, 2, 8);
  const pagesPerRun = bounded(input.pagesPerRun, 10, 1000);
  const { cursor: carriedCursor = null, ...carried } = input.continued ?? {};
  const progress: CampaignRunProgress = {
    pages: 0,
    contactsSeen: 0,
    journeysStarted: 0,
    journeysSkipped: 0,
    state: 'running',
    ...carried,
  };
  let cursor = carriedCursor;

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

  for (let pagesThisRun = 0; ; pagesThisRun += 1) {
    if (pagesThisRun >= pagesPerRun || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof campaignRun>({ ...input, continued: { ...progress, cursor } });
    }
    if (await cancelled()) return { ...progress };
    const page = await fetchAudiencePage({
      workspaceId: input.workspaceId,
      audience: input.audience,
      cursor,
      pageSize,
    });
    const batches = chunks(page.contactIds, batchSize);
    let next = 0;
    const lane = async () => {
      for (;;) {
        // Another lane may take the last batch while this one waits out a pause: pick only after the wait.
        if ((await cancelled()) || next >= batches.length) return;
        const contactIds = batches[next++];
        const { started, skipped } = await startJourneys({
          workspaceId: input.workspaceId,
          plan: input.plan,
          runId: input.runId,
          contactIds,
        });
        progress.journeysStarted += started;
        progress.journeysSkipped += skipped;
        progress.contactsSeen += contactIds.length;
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

function bounded(value: number | undefined, fallback: number, max: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
