import { randomUUID } from 'node:crypto';
import {
  buildPlan,
  journeyEnrollment,
  parseCampaignGraph,
  type JourneyActivities,
  type JourneyResult,
  type Plan,
} from '@loa/engine';
import { connectDevServerEnvironment, uniqueName } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ContactsService } from '../../contacts/contacts.service';
import { SendService } from '../../messages/send.service';
import {
  connectZaloAccount,
  createAccount,
  startWebhookTestBed,
  zaloAccountConfig,
  type WebhookTestBed,
} from '../../webhooks/testing/webhook-test-app';
import { workflowBundlerOptions, workflowsPath } from '../../worker/workflow-bundling';
import { createContactActivities } from './contact-activities';
import { createSendActivities } from './send-activities';
import { TestCampaigns } from './testing/journey-fixtures';

/**
 * The engine's contactJourney workflow on the Temporal dev server, calling these activities: ZNS through the send
 * service and the sandbox, the contact update, and a condition on both. recordJourney and getCampaignState belong
 * to the other half of the worker's activities; here they record nothing and answer `active`.
 */
describe('contactJourney runs on the send and contact activities', () => {
  let bed: WebhookTestBed;
  let env: TestWorkflowEnvironment;
  const campaigns = new TestCampaigns();
  let activities: Partial<JourneyActivities>;
  let zaloId: string;

  beforeAll(async () => {
    bed = await startWebhookTestBed();
    env = await connectDevServerEnvironment();
    const deps = { db: bed.db, contacts: bed.app.get(ContactsService), campaigns };
    activities = {
      ...createSendActivities({ ...deps, sends: bed.app.get(SendService) }),
      ...createContactActivities(deps),
      recordJourney: async () => undefined,
      getCampaignState: async () => 'active',
    };
    zaloId = (await createAccount(bed, 'zalo_oa', zaloAccountConfig(bed.sandbox))).id;
    await connectZaloAccount(bed, zaloId);
  });

  afterAll(async () => {
    await env?.teardown();
    await bed?.close();
  });

  function plan(): Plan {
    const nodes = [
      ['start', 'trigger.manual', {}],
      [
        'zns',
        'send.zns',
        {
          accountId: zaloId,
          templateId: '300001',
          purpose: 'care',
          params: {
            customer_name: '{{ contact.name }}',
            order_code: 'DH1',
            amount: '1',
            order_date: '01/12/2026',
          },
        },
      ],
      ['tag', 'contact.update', { addTags: ['zns-sent'], scoreDelta: 5 }],
      [
        'check',
        'branch.condition',
        {
          rule: {
            match: 'all',
            rules: [
              { kind: 'send_outcome', nodeId: 'zns', outcome: 'sent' },
              { kind: 'tag', tag: 'zns-sent' },
            ],
          },
        },
      ],
      ['done', 'flow.exit', { reason: 'done' }],
      ['not', 'flow.exit', { reason: 'not' }],
    ] as const;
    const edges = [
      ['start', 'next', 'zns'],
      ['zns', 'success', 'tag'],
      ['tag', 'next', 'check'],
      ['check', 'yes', 'done'],
      ['check', 'no', 'not'],
    ] as const;
    const graph = parseCampaignGraph({
      schemaVersion: 1,
      nodes: nodes.map(([id, type, data], index) => ({ id, type, data, position: { x: 0, y: index * 100 } })),
      edges: edges.map(([source, sourceHandle, target], index) => ({
        id: `e${index}`,
        source,
        sourceHandle,
        target,
      })),
      settings: {},
    });
    return buildPlan(graph, { campaignId: randomUUID(), versionId: campaigns.add() });
  }

  it('sends, updates the contact once and takes the yes branch; the ledger and the sandbox inbox agree', async () => {
    const phone = `8490${String(Date.now()).slice(-7)}`;
    const contactId = (await bed.ws.as.admin.post('/contacts').send({ phone, name: 'Lan' }).expect(201)).body
      .id as string;
    const enrollment = journeyEnrollment({ workspaceId: bed.ws.workspaceId, plan: plan(), contactId });
    const taskQueue = uniqueName('journey-activities');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: workflowsPath(),
      bundlerOptions: workflowBundlerOptions(),
      activities,
      shutdownGraceTime: '1s',
      shutdownForceTime: '10s',
    });
    const result = await worker.runUntil(
      env.client.workflow.execute<(input: typeof enrollment.input) => Promise<JourneyResult>>(
        'contactJourney',
        {
          taskQueue,
          workflowId: enrollment.workflowId,
          args: [enrollment.input],
        },
      ),
    );
    expect(result.exitReason).toBe('done');
    expect(result.path.map((entry) => `${entry.stepId}:${entry.outcome}`)).toEqual(
      expect.arrayContaining(['zns:sent', 'tag:updated', 'check:yes']),
    );
    const rows = (await bed.db.query(
      `SELECT idempotency_key, status FROM messages WHERE workspace_id = $1 AND contact_id = $2`,
      [bed.ws.workspaceId, contactId],
    )) as Array<{ idempotency_key: string; status: string }>;
    // The key names the enrollment's first run: `{workflowId}:{runId}:{stepId}:{visit}`.
    expect(rows).toEqual([
      {
        idempotency_key: expect.stringMatching(new RegExp(`^${enrollment.workflowId}:[0-9a-f-]+:zns:1$`)),
        status: expect.stringMatching(/^(sent|delivered)$/),
      },
    ]);
    const inbox = bed.sandbox.inbox({ channel: 'zns', recipient: phone });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.content.template_data).toMatchObject({ customer_name: 'Lan' });
    const contact = (await bed.ws.as.admin.get(`/contacts/${contactId}`).expect(200)).body;
    expect(contact).toMatchObject({ score: 5, tags: ['zns-sent'] });
  });
});
