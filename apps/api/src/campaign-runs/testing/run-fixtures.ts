import { randomUUID } from 'node:crypto';
import {
  CONTACT_JOURNEY_WORKFLOW,
  compileGraph,
  journeyEnrollment,
  type JourneyResult,
  type Plan,
} from '@loa/engine';
import type { INestApplication } from '@nestjs/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ContactsService } from '../../contacts/contacts.service';
import { insertCampaign, insertVersion } from '../../journeys/testing/campaign-rows';

/**
 * An active campaign (version 1) whose journeys wait up to 30 days for `go`, then send an SMS through
 * `smsAccountId` and exit `done`: only a signal moves them within a test.
 */
export async function publishWaitThenSms(
  app: INestApplication,
  workspaceId: string,
  smsAccountId: string,
): Promise<Plan> {
  const db = app.get(DataSource);
  const campaignId = await insertCampaign(db, { workspaceId, state: 'active' });
  const compiled = compileGraph(
    {
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {}, position: { x: 0, y: 0 } },
        {
          id: 'wait',
          type: 'wait.event',
          data: { event: 'go', timeout: { amount: 30, unit: 'days' } },
          position: { x: 0, y: 100 },
        },
        {
          id: 'sms',
          type: 'send.sms',
          data: { accountId: smsAccountId, brandName: 'LOASHOP', text: 'LOASHOP: xin chao', purpose: 'otp' },
          position: { x: 0, y: 200 },
        },
        { id: 'done', type: 'flow.exit', data: { reason: 'done' }, position: { x: 0, y: 300 } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
        { id: 'e2', source: 'wait', sourceHandle: 'matched', target: 'sms' },
        { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'done' },
        { id: 'e4', source: 'sms', sourceHandle: 'success', target: 'done' },
        { id: 'e5', source: 'sms', sourceHandle: 'failure', target: 'done' },
      ],
      settings: {},
    },
    { campaignId, versionId: randomUUID() },
  );
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  await insertVersion(db, {
    workspaceId,
    campaignId,
    version: 1,
    plan: compiled.plan,
    id: compiled.plan.versionId,
  });
  await db.query('UPDATE campaigns SET current_version_id = $2 WHERE id = $1', [
    campaignId,
    compiled.plan.versionId,
  ]);
  return compiled.plan;
}

let phones = 0;

/**
 * A contact with a phone of its own (phones are unique per workspace), or without one: its SMS is blocked at
 * once, with no gateway involved.
 */
export async function insertContact(
  app: INestApplication,
  workspaceId: string,
  options: { phone: boolean } = { phone: true },
): Promise<string> {
  phones += 1;
  const result = await app.get(ContactsService).upsert({
    workspaceId,
    match: { externalId: `c-${randomUUID()}` },
    write: { name: 'Lan', ...(options.phone && { phone: `09123${String(phones).padStart(5, '0')}` }) },
    mode: 'both',
    cause: 'contact',
  });
  return result.contact!.id;
}

/** Starts the contact's journey on the worker's task queue, as a trigger would. */
export async function enrol(
  client: Client,
  taskQueue: string,
  input: { workspaceId: string; plan: Plan; contactId: string },
): Promise<WorkflowHandle<(input: unknown) => Promise<JourneyResult>>> {
  const enrollment = journeyEnrollment(input);
  return client.workflow.start<(input: unknown) => Promise<JourneyResult>>(CONTACT_JOURNEY_WORKFLOW, {
    taskQueue,
    workflowId: enrollment.workflowId,
    args: [enrollment.input],
  });
}
