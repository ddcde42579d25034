import { connectDevServerEnvironment, uniqueName, waitFor } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CampaignRunInput, CampaignRunProgress } from '../journey/campaign-run-contract';
import type { campaignRun } from './campaign-run.workflow';
import {
  campaignRunProgressQuery,
  cancelRunSignal,
  pauseRunSignal,
  resumeRunSignal,
} from './campaign-run-messages';
import { cohortStarter, fakeAudience, journeyStarter } from './testing/fake-campaign-run-activities';
import { withWorker } from './testing/journey-test-kit';
import { recordHistory } from './testing/record-history';
import { planOf } from './testing/test-plans';

/** A broadcast's journeys: enter and exit. */
const broadcastPlan = () =>
  planOf({
    nodes: [
      ['start', 'trigger.segment', { segmentId: 'everyone' }],
      ['done', 'flow.exit', { reason: 'broadcast' }],
    ],
    edges: [['start', 'next', 'done']],
  });

describe('campaignRun on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectDevServerEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('fans out to 2,000 contacts: every journey started exactly once, a retried batch included', async () => {
    const plan = broadcastPlan();
    const journeyTaskQueue = uniqueName('broadcast-journeys');
    const audience = fakeAudience(2000);
    const starter = journeyStarter({ client: env.client, journeyTaskQueue, failOnceAtBatch: 4 });
    const input: CampaignRunInput = {
      workspaceId: 'ws',
      runId: uniqueName('run'),
      plan,
      audience: { kind: 'segment', segmentId: 'everyone' },
      pageSize: 250,
      batchSize: 100,
      pagesPerRun: 3,
    };
    // The journeys are started on a queue no worker polls: this test is about fan-out, not about running them.
    const outcome = await withWorker(
      env,
      { ...audience, startJourneys: starter.startJourneys },
      async (taskQueue) => {
        const handle = await env.client.workflow.start<typeof campaignRun>('campaignRun', {
          taskQueue,
          workflowId: `campaign-run:${input.runId}`,
          args: [input],
        });
        const midway = await waitFor(
          'progress past the first page',
          async () => {
            const progress = await handle.query(campaignRunProgressQuery);
            if (progress.pages < 1) throw new Error(`progress ${JSON.stringify(progress)}`);
            return progress;
          },
          60_000,
          100,
        );
        const result = await handle.result();
        const latest = await handle.describe();
        const history = await handle.fetchHistory();
        const total = await waitFor(
          'every journey to be visible',
          async () => {
            const { count } = await env.client.workflow.count(
              `WorkflowType = 'contactJourney' AND TaskQueue = '${journeyTaskQueue}'`,
            );
            if (count < 2000) throw new Error(`${count} visible`);
            return count;
          },
          60_000,
          500,
        );
        return {
          result,
          midway,
          firstRunId: handle.firstExecutionRunId,
          latestRunId: latest.runId,
          history,
          total,
        };
      },
    );
    expect(outcome.midway.state).toBe('running');
    expect(outcome.result).toEqual<CampaignRunProgress>({
      pages: 8,
      contactsSeen: 2000,
      // The failed attempt started 50 journeys its retry then found existing.
      journeysStarted: 1950,
      journeysSkipped: 50,
      state: 'completed',
      execution: 'contact',
    });
    // 8 pages of 3 batches, and the retry of the batch that failed half way.
    expect(starter.batches()).toBe(25);
    expect(starter.startedIds).toHaveLength(2000);
    expect(new Set(starter.startedIds).size).toBe(2000);
    expect(outcome.total).toBe(2000);
    // Continued as new every three pages: the last run's history holds only its own pages.
    expect(outcome.latestRunId).not.toBe(outcome.firstRunId);
    expect(outcome.history.events?.length).toBeLessThan(80);
    // One more page to measure the audience (below the cohort threshold: one journey each).
    expect(audience.pagesServed()).toBe(9);
  });

  it('runs an audience that reaches the cohort threshold as cohorts: every contact in exactly one', async () => {
    const plan = broadcastPlan();
    const journeyTaskQueue = uniqueName('broadcast-cohorts');
    const audience = fakeAudience(2000, { cohortThreshold: 1000, cohortSize: 300 });
    const starter = cohortStarter({ client: env.client, journeyTaskQueue, failOnceAtBatch: 3 });
    const input: CampaignRunInput = {
      workspaceId: 'ws',
      runId: uniqueName('run'),
      plan,
      audience: { kind: 'segment', segmentId: 'everyone' },
      pageSize: 500,
      pagesPerRun: 3,
    };
    // The cohorts are started on a queue no worker polls: this test is about fan-out, not about running them.
    const result = await withWorker(
      env,
      { ...audience, startCohort: starter.startCohort },
      async (taskQueue) => {
        const handle = await env.client.workflow.start<typeof campaignRun>('campaignRun', {
          taskQueue,
          workflowId: `campaign-run:${input.runId}`,
          args: [input],
        });
        const outcome = await handle.result();
        await recordHistory(handle, 'campaign-run-cohorts');
        return outcome;
      },
    );
    expect(result).toEqual<CampaignRunProgress>({
      pages: 4,
      contactsSeen: 2000,
      journeysStarted: 2000,
      journeysSkipped: 0,
      state: 'completed',
      execution: 'cohort',
      cohortsStarted: 8,
    });
    // Four pages of 300 + 200, and the retry of the call that failed after starting its cohort.
    expect(starter.batches()).toBe(9);
    expect(new Set(starter.cohortIds).size).toBe(8);
    expect(starter.members).toHaveLength(2000);
    expect(new Set(starter.members).size).toBe(2000);
  });

  it('measures below the threshold and enters one journey each', async () => {
    const plan = broadcastPlan();
    const journeyTaskQueue = uniqueName('broadcast-small');
    const audience = fakeAudience(120, { cohortThreshold: 121, cohortSize: 300 });
    const starter = journeyStarter({ client: env.client, journeyTaskQueue });
    const cohorts = cohortStarter({ client: env.client, journeyTaskQueue });
    const input: CampaignRunInput = {
      workspaceId: 'ws',
      runId: uniqueName('run'),
      plan,
      audience: { kind: 'segment', segmentId: 'everyone' },
    };
    const result = await withWorker(
      env,
      { ...audience, startJourneys: starter.startJourneys, startCohort: cohorts.startCohort },
      async (taskQueue) =>
        (
          await env.client.workflow.start<typeof campaignRun>('campaignRun', {
            taskQueue,
            workflowId: `campaign-run:${input.runId}`,
            args: [input],
          })
        ).result(),
    );
    expect(result).toMatchObject({ execution: 'contact', journeysStarted: 120 });
    expect(cohorts.batches()).toBe(0);
  });

  it('pauses before the next batch, resumes, and stops after the current batch when cancelled', async () => {
    let started = 0;
    let release: () => void = () => undefined;
    const gate = { open: Promise.resolve() };
    const activities = {
      ...fakeAudience(1000),
      async startJourneys({ contactIds }: { contactIds: string[] }) {
        await gate.open;
        started += contactIds.length;
        return { started: contactIds.length, skipped: 0 };
      },
    };
    await withWorker(env, activities, async (taskQueue) => {
      const handle = await env.client.workflow.start<typeof campaignRun>('campaignRun', {
        taskQueue,
        workflowId: uniqueName('campaign-run'),
        args: [
          {
            workspaceId: 'ws',
            runId: uniqueName('run'),
            plan: broadcastPlan(),
            audience: { kind: 'all' },
            pageSize: 50,
            batchSize: 10,
            batchConcurrency: 1,
          },
        ],
      });
      const progressWhen = (what: string, test: (progress: CampaignRunProgress) => boolean) =>
        waitFor(
          what,
          async () => {
            const progress = await handle.query(campaignRunProgressQuery);
            if (!test(progress)) throw new Error(JSON.stringify(progress));
            return progress;
          },
          30_000,
          50,
        );
      await progressWhen('some journeys started', (progress) => progress.journeysStarted >= 100);
      await handle.signal(pauseRunSignal);
      const paused = await progressWhen('paused', (progress) => progress.state === 'paused');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const stillPaused = await handle.query(campaignRunProgressQuery);
      // At most the batch in flight when the pause arrived finished after it.
      expect(stillPaused.journeysStarted - paused.journeysStarted).toBeLessThanOrEqual(10);
      const heldAt = stillPaused.journeysStarted;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await handle.query(campaignRunProgressQuery)).journeysStarted).toBe(heldAt);

      gate.open = new Promise((resolve) => (release = resolve));
      await handle.signal(resumeRunSignal);
      await progressWhen('running again', (progress) => progress.state === 'running');
      await handle.signal(cancelRunSignal);
      release();
      const result = await handle.result();
      await recordHistory(handle, 'campaign-run-paused-resumed-cancelled');
      expect(result.state).toBe('cancelled');
      expect(result.journeysStarted).toBeLessThanOrEqual(heldAt + 10);
      expect(result.journeysStarted).toBe(started);
      expect(result.journeysStarted).toBeLessThan(1000);
    });
  });
});
