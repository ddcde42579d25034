import { connectTimeSkippingEnvironment, uniqueName } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DiagnosticsActivities, WorkerDescription } from '../diagnostics/diagnostics-activities';
import { diagnosticsPing } from './diagnostics-ping.workflow';
import { BOUNDED_SHUTDOWN } from './testing/journey-test-kit';

describe('diagnosticsPing on the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('is a real time-skipping server: a day of workflow time passes without waiting a day', async () => {
    expect(env.supportsTimeSkipping).toBe(true);
    const before = await env.currentTimeMs();
    await env.sleep('1 day');
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
  });

  it('returns the echo and what the worker said about itself through its activity', async () => {
    const taskQueue = uniqueName('diagnostics');
    const self: WorkerDescription = {
      identity: 'fake-worker',
      namespace: 'default',
      taskQueue,
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    const calls: string[] = [];
    const activities: DiagnosticsActivities = {
      async describeWorker({ workflowId }) {
        calls.push(workflowId);
        return self;
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./index'),
      activities,
      ...BOUNDED_SHUTDOWN,
    });
    const workflowId = uniqueName('ping');
    const result = await worker.runUntil(
      env.client.workflow.execute(diagnosticsPing, { taskQueue, workflowId, args: [{ echo: 'xin chào' }] }),
    );
    expect(result).toEqual({ echo: 'xin chào', workflowId, worker: self });
    expect(calls).toEqual([workflowId]);
  });
});
