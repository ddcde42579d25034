import { randomUUID } from 'node:crypto';
import { JOURNEY_EVENT_SIGNAL } from '@loa/engine';
import { waitFor } from '@loa/testing';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { waitForOrderGraph } from './testing/entry-graphs';

/**
 * No worker polls this API's task queue: its journeys are started in Temporal and never run, as under a worker's
 * backlog. Events must still reach them.
 */
describe('an event for a journey that has not run yet', () => {
  let app: INestApplication;
  let db: DataSource;
  let connection: Connection;
  let client: Client;
  let ws: TestWorkspace;

  beforeAll(async () => {
    const config = testConfig();
    app = await createApp(config);
    await app.init();
    db = app.get(DataSource);
    connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    client = new Client({ connection, namespace: config.temporal.namespace });
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
  });

  async function track(userId: string, event: string, properties: Record<string, unknown> = {}) {
    const messageId = `m-${randomUUID()}`;
    await ws.as.ingestKey.post('/v1/track').send({ messageId, userId, event, properties }).expect(200);
    return messageId;
  }

  async function routed(messageId: string): Promise<void> {
    await waitFor(`event ${messageId} routed`, async () => {
      const [row] = (await db.query(
        `SELECT e.processed_seq <= c.processed_seq AS routed
           FROM events e JOIN event_routing_cursors c ON c.workspace_id = e.workspace_id
          WHERE e.workspace_id = $1 AND e.message_id = $2`,
        [ws.workspaceId, messageId],
      )) as Array<{ routed: boolean | null }>;
      if (!row?.routed) throw new Error('not routed yet');
    });
  }

  async function eventSignals(workflowId: string): Promise<number> {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter(
      (event) => event.workflowExecutionSignaledEventAttributes?.signalName === JOURNEY_EVENT_SIGNAL,
    ).length;
  }

  it('is signalled to the journey its entry started, which is listed as entered from the start', async () => {
    const created = await ws.as.admin
      .post('/campaigns')
      .send({
        name: 'Before first record',
        graph: waitForOrderGraph({ type: 'trigger.event', data: { event: 'cart.abandoned' } }),
      })
      .expect(201);
    const campaignId = created.body.id as string;
    await ws.as.admin.post(`/campaigns/${campaignId}/publish`).expect(200);
    const externalId = `c-${randomUUID()}`;
    await routed(await track(externalId, 'cart.abandoned'));
    const [contact] = (await db.query(
      `SELECT id FROM contacts WHERE workspace_id = $1 AND external_id = $2`,
      [ws.workspaceId, externalId],
    )) as Array<{ id: string }>;
    const workflowId = `journey:${campaignId}:${contact!.id}:once`;

    const enrollments = await ws.as.marketer.get(`/campaigns/${campaignId}/enrollments`).expect(200);
    expect(enrollments.body.items).toEqual([
      expect.objectContaining({ contactId: contact!.id, status: 'active' }),
    ]);

    await routed(await track(externalId, 'order.completed'));
    expect(await eventSignals(workflowId)).toBe(2);
    const rows = (await db.query(`SELECT count(*)::int AS n FROM enrollments WHERE workflow_id = $1`, [
      workflowId,
    ])) as Array<{ n: number }>;
    expect(rows[0]!.n).toBe(1);
  });
});
