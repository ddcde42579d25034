import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { pendingTimersDueAt, signalClearOfTimers, TIMER_GUARD_MS } from './clear-of-timers';
import { slowWake, wakeSignal } from './fixtures/slow-wake.workflow';
import { quietBundleLogger } from './quiet-bundle-logger';
import { connectTimeSkippingEnvironment } from './temporal-test-env';
import { uniqueName } from './test-services';
import { waitFor } from './wait-for';

/** Most of a second of work (well under the SDK's 2 s deadlock limit): longer than the 200 ms left on the timer below. */
const SLOW_TASK_ITERATIONS = 200_000_000;

describe('signalClearOfTimers on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundle;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('./fixtures/slow-wake.workflow'),
      logger: quietBundleLogger,
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function withSlowWake<T>(
    workIterations: number,
    test: (handle: WorkflowHandle<typeof slowWake>, hourTimerDueAtMs: number) => Promise<T>,
  ): Promise<T> {
    const taskQueue = uniqueName('slow-wake');
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(slowWake, {
        taskQueue,
        workflowId: uniqueName('slow-wake'),
        args: [workIterations],
      });
      try {
        const hourTimerDueAtMs = await waitFor(
          'the hour timer started',
          async () => {
            const [dueAtMs] = pendingTimersDueAt((await handle.fetchHistory()).events ?? []);
            if (dueAtMs === undefined) throw new Error('not yet');
            return dueAtMs;
          },
          10_000,
          10,
        );
        return await test(handle, hourTimerDueAtMs);
      } finally {
        await handle.terminate('test finished').catch(() => undefined);
      }
    });
  }

  it('skips past a timer due within the guard before signalling, so the slow signal task cannot strand the run', async () => {
    const outcome = await withSlowWake(SLOW_TASK_ITERATIONS, async (handle, hourTimerDueAtMs) => {
      await env.sleep(hourTimerDueAtMs - (await env.currentTimeMs()) - 200);
      await signalClearOfTimers(env, handle, wakeSignal);
      return handle.result();
    });
    expect(outcome).toBe('woken after the hour');
  });

  it('signals at once when no timer is due within the guard', async () => {
    const { outcome, skippedMs } = await withSlowWake(0, async (handle) => {
      const before = await env.currentTimeMs();
      await signalClearOfTimers(env, handle, wakeSignal);
      const skippedMs = (await env.currentTimeMs()) - before;
      return { outcome: await handle.result(), skippedMs };
    });
    expect(skippedMs).toBeLessThan(TIMER_GUARD_MS);
    expect(outcome).toBe('woken within the hour');
  });
});
