import { waitFor } from '@loa/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CONTACT_JOURNEY_WORKFLOW, compileGraph, journeyEnrollment, type JourneyResult } from '@loa/engine';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { LoaConfig } from '../config/loa-config';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { testConfig } from '../testing/test-config';
import { createWorkerApp } from '../worker/create-worker-app';
import { LoaWorkerHost } from '../worker/loa-worker.host';
import { insertCampaign, insertVersion } from './testing/campaign-rows';
import { seedJourney, startRecordingServer } from './testing/journeys-test-context';

/** A campaign whose journey calls a webhook and exits by the call's outcome, published in the workspace. */
async function publishedWebhookPlan(db: DataSource, workspaceId: string, url: string, timeoutSeconds = 10) {
  const campaignId = await insertCampaign(db, { workspaceId });
  const plan = webhookPlan(url, { campaignId, versionId: randomUUID() }, timeoutSeconds);
  await insertVersion(db, { workspaceId, campaignId, version: 1, plan, id: plan.versionId });
  return plan;
}

function webhookPlan(url: string, ids: { campaignId: string; versionId: string }, timeoutSeconds: number) {
  const compiled = compileGraph(
    {
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {}, position: { x: 0, y: 0 } },
        {
          id: 'notify',
          type: 'http.request',
          data: {
            method: 'POST',
            url: `${url}/hook`,
            body: '{"contact": "{{ contact.id }}"}',
            timeoutSeconds,
          },
          position: { x: 0, y: 100 },
        },
        { id: 'done', type: 'flow.exit', data: { reason: 'notified' }, position: { x: 0, y: 200 } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'notify' },
        { id: 'e2', source: 'notify', sourceHandle: 'success', target: 'done' },
      ],
      settings: {},
    },
    ids,
  );
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  return compiled.plan;
}

describe('journey activities bound into the worker, on the Temporal dev server', () => {
  let config: LoaConfig;
  let workerApp: INestApplicationContext;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    config = testConfig({ LOA_HTTP_ALLOWED_HOSTS: '127.0.0.1' });
    workerApp = await createWorkerApp(config);
    connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    client = new Client({ connection, namespace: config.temporal.namespace });
  });

  afterAll(async () => {
    await workerApp?.close();
    await connection?.close();
  });

  it('runs a journey through callHttp and records its enrollment and step events', async () => {
    const server = await startRecordingServer(() => ({ status: 200, body: { ok: true } }));
    try {
      const seeded = await seedJourney(workerApp);
      const plan = await publishedWebhookPlan(workerApp.get(DataSource), seeded.workspaceId, server.url);
      const enrollment = journeyEnrollment({
        workspaceId: seeded.workspaceId,
        plan,
        contactId: seeded.contactId,
      });
      const handle = await client.workflow.start<(input: typeof enrollment.input) => Promise<JourneyResult>>(
        CONTACT_JOURNEY_WORKFLOW,
        { taskQueue: config.temporal.taskQueue, workflowId: enrollment.workflowId, args: [enrollment.input] },
      );
      const result = await handle.result();
      expect(result).toMatchObject({ exitReason: 'notified', converted: false });

      expect(server.received).toHaveLength(1);
      expect(server.received[0]).toMatchObject({ body: `{"contact": "${seeded.contactId}"}` });
      expect(server.received[0]!.headers['idempotency-key']).toBe(
        `${enrollment.workflowId}:${handle.firstExecutionRunId}:notify:1`,
      );

      const db = workerApp.get(DataSource);
      const rows = (await db.query(
        `SELECT e.run_id, e.status, e.exit_reason, e.current_step, s.seq, s.step_id, s.outcome, s.detail
         FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id
         WHERE e.workflow_id = $1 ORDER BY s.seq`,
        [enrollment.workflowId],
      )) as Array<Record<string, unknown>>;
      expect(rows.map((row) => [row.seq, row.step_id, row.outcome, row.detail])).toEqual([
        [0, 'notify', 'entered', null],
        [1, 'notify', 'success', 'HTTP 200'],
        [2, 'done', 'exit:notified', null],
      ]);
      expect(rows[0]).toMatchObject({
        run_id: handle.firstExecutionRunId,
        status: 'exited',
        exit_reason: 'notified',
        current_step: 'done',
      });
    } finally {
      await server.close();
    }
  });

  // The call may take 60 s; the test's own timeout is half that, so a shutdown that waited for the call fails it.
  it('stops within its shutdown bounds while a webhook call hangs: the call is cancelled, not waited for', async () => {
    const server = await startRecordingServer(() => null);
    const boundedConfig = testConfig({
      LOA_HTTP_ALLOWED_HOSTS: '127.0.0.1',
      LOA_WORKER_SHUTDOWN_GRACE_SECONDS: '0',
      LOA_WORKER_SHUTDOWN_FORCE_SECONDS: '5',
    });
    const app = await createWorkerApp(boundedConfig);
    try {
      const seeded = await seedJourney(app);
      const plan = await publishedWebhookPlan(app.get(DataSource), seeded.workspaceId, server.url, 60);
      const enrollment = journeyEnrollment({
        workspaceId: seeded.workspaceId,
        plan,
        contactId: seeded.contactId,
      });
      const handle = await client.workflow.start(CONTACT_JOURNEY_WORKFLOW, {
        taskQueue: boundedConfig.temporal.taskQueue,
        workflowId: enrollment.workflowId,
        args: [enrollment.input],
      });
      await waitFor(
        'the webhook call',
        async () => {
          if (server.received.length === 0) throw new Error('not called yet');
        },
        15_000,
        50,
      );
      const host = app.get(LoaWorkerHost);
      await app.close();
      await expect(host.stopped()).resolves.toBeUndefined();
      await handle.terminate('test over');
    } finally {
      await server.close();
    }
  }, 30_000);
});
