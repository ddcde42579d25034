import { waitFor } from '@loa/testing';
import { randomUUID } from 'node:crypto';
import { CONTACT_JOURNEY_WORKFLOW, compileGraph, journeyEnrollment } from '@loa/engine';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { insertCampaign, insertVersion } from '../journeys/testing/campaign-rows';
import { seedJourney, startRecordingServer } from '../journeys/testing/journeys-test-context';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { testConfig } from '../testing/test-config';
import { createWorkerApp } from './create-worker-app';
import { closeWorkerThenApi } from './in-process-shutdown';

describe('the worker inside the API process shuts down before the API', () => {
  it('lets an activity blocked at shutdown finish its database write on the shared DataSource', async () => {
    const config = testConfig({
      LOA_HTTP_ALLOWED_HOSTS: '127.0.0.1',
      LOA_WORKER_SHUTDOWN_GRACE_SECONDS: '20',
      LOA_WORKER_SHUTDOWN_FORCE_SECONDS: '25',
    });
    if (config.database.kind !== 'postgres') throw new Error('this test runs on PostgreSQL');
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const server = await startRecordingServer(async () => {
      await answered;
      return { status: 200, body: { tier: 'gold' } };
    });
    const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const api = await createApp(config, { shutdownHooks: false });
    await api.init();
    const worker = await createWorkerApp(config, api.get(DataSource));
    const db = api.get(DataSource);
    const seeded = await seedJourney(worker);
    const campaignId = await insertCampaign(db, { workspaceId: seeded.workspaceId });
    const compiled = compileGraph(
      {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', data: {}, position: { x: 0, y: 0 } },
          {
            id: 'lookup',
            type: 'http.request',
            data: {
              method: 'POST',
              url: `${server.url}/tier`,
              timeoutSeconds: 30,
              responseMapping: { 'attributes.tier': 'tier' },
            },
            position: { x: 0, y: 100 },
          },
        ],
        edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'lookup' }],
        settings: {},
      },
      { campaignId, versionId: randomUUID() },
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const { plan } = compiled;
    await insertVersion(db, {
      workspaceId: seeded.workspaceId,
      campaignId,
      version: 1,
      plan,
      id: plan.versionId,
    });
    const enrollment = journeyEnrollment({
      workspaceId: seeded.workspaceId,
      plan,
      contactId: seeded.contactId,
    });
    const handle = await client.workflow.start(CONTACT_JOURNEY_WORKFLOW, {
      taskQueue: config.temporal.taskQueue,
      workflowId: enrollment.workflowId,
      args: [enrollment.input],
    });
    const pg = new PgClient({ connectionString: config.database.url });
    await pg.connect();
    try {
      await waitFor(
        'the webhook call',
        async () => {
          if (server.received.length === 0) throw new Error('not called yet');
        },
        15_000,
        50,
      );
      // The process is told to stop while the activity waits for the answer. The answer comes late in the shutdown:
      // once the API has closed the database, or after 3 s when the API waits for the worker (as it must).
      const closing = closeWorkerThenApi(worker, api);
      const late = Date.now() + 3_000;
      while (db.isInitialized && Date.now() < late) await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await closing;
      const { rows } = await pg.query<{ tier: unknown }>(
        `SELECT attributes->'tier' AS tier FROM contacts WHERE id = $1`,
        [seeded.contactId],
      );
      expect(rows).toEqual([{ tier: 'gold' }]);
    } finally {
      await handle.terminate('test over').catch(() => undefined);
      await pg.end();
      await connection.close();
      await server.close();
    }
  }, 60_000);
});
