import { quietBundleLogger, uniqueName, waitFor } from '@loa/testing';
import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, CombinedWorkerRunError, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { ContactJourneyInput, JourneyActivities, JourneyLogEntry } from '../../journey/journey-contract';
import type { JourneyStatus } from '../../journey/journey-status';
import { journeyEnrollment, type JourneyEnrollment } from '../../journey/enrollment-options';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { CampaignRunActivities } from '../../journey/campaign-run-contract';
import type { Plan } from '../../plan/plan.types';
import type { contactJourney } from '../contact-journey.workflow';
import type { cohortJourney } from '../cohort-journey.workflow';
import type { CohortBatchActivities, CohortJourneyInput } from '../../journey/cohort-contract';
import { journeyBatchActivity } from '../../journey/journey-batch-activity';
import { entryKeyOf } from '../../journey/journey-ids';
import { Context } from '@temporalio/activity';
import { journeyStatusQuery } from '../journey-messages';

/** Worker identity in recorded histories (never this machine's name). */
export const TEST_WORKER_IDENTITY = 'loa-test-worker';

let bundle: Promise<WorkflowBundle> | undefined;

/** The workflow bundle of src/workflows/index.ts, built once per test file. */
export function workflowBundle(): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../index'), logger: quietBundleLogger });
  return bundle;
}

/**
 * A failed test can leave an activity waiting forever (a gate it never opened). Without a bound, the worker's
 * shutdown would wait for it, the test would time out with the worker still polling, and Jest would never exit.
 */
export const BOUNDED_SHUTDOWN = { shutdownGraceTime: '1s', shutdownForceTime: '10s' } as const;

/** Journeys started by the running test; terminated when its worker stops, so none outlives its test. */
const startedHandles = new Set<WorkflowHandle>();

/** Registers a workflow the test started itself, so that it is terminated with the test's worker. */
export function track<H extends WorkflowHandle>(handle: H): H {
  startedHandles.add(handle);
  return handle;
}

/**
 * Runs `test` with a worker on a fresh task queue, stopping the worker afterwards and terminating any journey the
 * test left running (a running journey would hold timers on the time-skipping server its test file shares).
 */
export async function withWorker<T>(
  env: TestWorkflowEnvironment,
  activities: Partial<JourneyActivities & CampaignRunActivities & CohortBatchActivities>,
  test: (taskQueue: string) => Promise<T>,
  options: { maxConcurrentWorkflowTaskExecutions?: number } = {},
): Promise<T> {
  const taskQueue = uniqueName('journeys');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    // Cohorts batch the same activities.
    activities: {
      ...journeyBatchActivity(activities as JourneyActivities, {
        heartbeat: (done) => Context.current().heartbeat(done),
      }),
      ...activities,
    },
    identity: TEST_WORKER_IDENTITY,
    ...BOUNDED_SHUTDOWN,
    ...options,
  });
  try {
    return await worker.runUntil(test(taskQueue));
  } catch (error) {
    throw testFailureOf(error);
  } finally {
    await Promise.all(
      [...startedHandles].map((handle) => handle.terminate('test finished').catch(() => undefined)),
    );
    startedHandles.clear();
  }
}

/** The test's own failure when the worker also failed to stop (it names the activity it waited for), not the pair. */
export function testFailureOf(error: unknown): unknown {
  if (!(error instanceof CombinedWorkerRunError)) return error;
  const { innerError, workerError } = error.cause;
  if (innerError instanceof Error)
    innerError.message += `\n(and the worker did not stop in time: ${String(workerError)})`;
  return innerError;
}

/**
 * Awaits the results one after the other. On the time-skipping server each `result()` unlocks time skipping while
 * it waits; two awaited at once unlock it twice, and time then skips even while activities run.
 */
export async function resultsInTurn<T>(handles: Array<{ result(): Promise<T> }>): Promise<T[]> {
  const results: T[] = [];
  for (const handle of handles) results.push(await handle.result());
  return results;
}

/** Maps the engine's enrollment (plain names) to the Temporal client's start options, as the API does. */
export function clientStartOptions(enrollment: JourneyEnrollment, taskQueue: string) {
  return {
    taskQueue,
    workflowId: enrollment.workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy[enrollment.workflowIdReusePolicy],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy[enrollment.workflowIdConflictPolicy],
    args: [enrollment.input] as [ContactJourneyInput],
  };
}

/** Starts a journey the way the API does, with the options of `journeyEnrollment`. */
export async function startJourney(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  options: { plan: Plan; contactId?: string; entryEvent?: ContactJourneyInput['entryEvent'] } & Partial<
    Pick<ContactJourneyInput, 'continueAfterSteps' | 'continueAfterEvents' | 'startAt'>
  >,
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof contactJourney>> {
  const { plan, contactId = uniqueName('contact'), entryEvent, ...knobs } = options;
  const enrollment = journeyEnrollment({ workspaceId: 'ws-test', plan, contactId, entryEvent });
  const handle = await env.client.workflow.start<typeof contactJourney>('contactJourney', {
    ...clientStartOptions(enrollment, taskQueue),
    args: [{ ...enrollment.input, ...knobs }],
  });
  startedHandles.add(handle);
  return handle;
}

/** Starts a cohort of journeys, as the campaign run does (entry key `once` unless given or entered by event). */
export async function startCohort(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  options: Omit<CohortJourneyInput, 'workspaceId' | 'entryKey'> & { entryKey?: string },
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof cohortJourney>> {
  const { entryKey, ...input } = options;
  const [firstEvent] = Object.values(input.entryEvents ?? {});
  const handle = await env.client.workflow.start<typeof cohortJourney>('cohortJourney', {
    taskQueue,
    workflowId: uniqueName(`cohort:${input.plan.campaignId}`),
    args: [{ workspaceId: 'ws-test', entryKey: entryKey ?? entryKeyOf(input.plan, firstEvent), ...input }],
  });
  startedHandles.add(handle);
  return handle;
}

/** Polls the journeyStatus query until `test` holds. */
export function statusWhen(
  handle: WorkflowHandle,
  what: string,
  test: (status: JourneyStatus) => boolean,
  timeoutMs = 20_000,
): Promise<JourneyStatus> {
  return waitFor(
    `journey ${handle.workflowId}: ${what}`,
    async () => {
      const status = await handle.query(journeyStatusQuery);
      if (!test(status))
        throw new Error(`status is ${JSON.stringify({ ...status, path: status.path.slice(-3) })}`);
      return status;
    },
    timeoutMs,
    50,
  );
}

/** The journey's path as `stepId:outcome` strings, for compact assertions. */
export const outcomes = (path: JourneyLogEntry[]) => path.map((entry) => `${entry.stepId}:${entry.outcome}`);

/** The first path entry that is `stepId:outcome`. */
export const entryOf = (path: JourneyLogEntry[], stepOutcome: string): JourneyLogEntry | undefined =>
  path.find((entry) => `${entry.stepId}:${entry.outcome}` === stepOutcome);

/** Workflow time of a path entry, in epoch ms (NaN when the entry is missing). */
export const timeOf = (entry: JourneyLogEntry | undefined): number => Date.parse(entry?.at ?? 'missing');
