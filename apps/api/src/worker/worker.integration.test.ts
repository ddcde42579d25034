import type { INestApplicationContext } from '@nestjs/common';
import { DIAGNOSTICS_PING_WORKFLOW, type DiagnosticsPingResult } from '@loa/engine';
import { uniqueName } from '@loa/testing';
import { Client, Connection } from '@temporalio/client';
import type { LoaConfig } from '../config/loa-config';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { testConfig } from '../testing/test-config';
import { createWorkerApp } from './create-worker-app';
import { LoaWorkerHost } from './loa-worker.host';

describe('worker process bootstrap on the Temporal dev server', () => {
  let config: LoaConfig;
  let workerApp: INestApplicationContext;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    config = testConfig();
    workerApp = await createWorkerApp(config);
    connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    client = new Client({ connection, namespace: config.temporal.namespace });
  });

  afterAll(async () => {
    await workerApp?.close();
    await connection?.close();
  });

  it('runs a workflow from the engine bundle and an activity bound by the worker, round trip', async () => {
    const workflowId = uniqueName('diagnostics-ping');
    const result = await client.workflow.execute<(input: { echo: string }) => Promise<DiagnosticsPingResult>>(
      DIAGNOSTICS_PING_WORKFLOW,
      { taskQueue: config.temporal.taskQueue, workflowId, args: [{ echo: 'Loa' }] },
    );
    const host = workerApp.get(LoaWorkerHost);
    expect(result).toEqual({
      echo: 'Loa',
      workflowId,
      worker: {
        identity: host.identity,
        namespace: 'default',
        taskQueue: config.temporal.taskQueue,
        startedAt: expect.any(String),
      },
    });
  });

  it('runs workflow threads without promise stack traces unless LOA_WORKFLOW_STACK_TRACES is on', async () => {
    const ping = async (on: LoaConfig) => {
      const workflowId = uniqueName('stack-trace-ping');
      await client.workflow.execute(DIAGNOSTICS_PING_WORKFLOW, {
        taskQueue: on.temporal.taskQueue,
        workflowId,
        args: [{ echo: 'Loa' }],
      });
      return client.workflow.getHandle(workflowId).query<string>('__stack_trace');
    };
    await expect(ping(config)).rejects.toThrow('Workflow stack traces are not enabled on this worker');
    const tracing = testConfig({ LOA_WORKFLOW_STACK_TRACES: 'true' });
    const tracingApp = await createWorkerApp(tracing);
    try {
      expect(typeof (await ping(tracing))).toBe('string');
    } finally {
      await tracingApp.close();
    }
  });

  it('drains and stops when the process shuts down', async () => {
    const app = await createWorkerApp(testConfig());
    const host = app.get(LoaWorkerHost);
    await app.close();
    await expect(host.stopped()).resolves.toBeUndefined();
  });
});
