import { randomUUID } from 'node:crypto';
import type { CohortProgress, Plan } from '@loa/engine';
import { waitFor } from '@loa/testing';
import { getQueueToken } from '@nestjs/bull';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Queue } from 'bull';
import { seedCampaignWorld, type CampaignWorld } from '../campaigns/testing/campaign-fixtures';
import { CohortStarter } from '../enrollment/cohort-starter.service';
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker';
import { CAMPAIGN_STATE_SIGNALS_QUEUE } from './campaign-state-signals.queue';
import { insertContact, publishWaitThenSms } from './testing/run-fixtures';

interface Enrollment {
  id: string;
  contactId: string;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
  execution: string;
  cohortWorkflowId?: string;
}
interface JourneyView {
  contactId: string;
  enrollments: Array<
    Enrollment & {
      path: Array<{ seq: number; stepId: string; outcome: string }>;
      live: { available: boolean; unavailableBecause?: string; status?: string; stepId?: string | null };
    }
  >;
}

/** Everything a user sees of a contact, for contacts whose journeys run as members of one cohortJourney. */
describe('the journeys of a cohort’s members over HTTP, with the worker on the Temporal dev server', () => {
  let stack: ApiWithWorker;
  let world: CampaignWorld;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    world = await seedCampaignWorld(stack.app, stack.ws.workspaceId);
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function journeyOf(campaignId: string, contactId: string): Promise<JourneyView> {
    const response = await stack.ws.as.analyst
      .get(`/campaigns/${campaignId}/contacts/${contactId}/journey`)
      .expect(200);
    return response.body as JourneyView;
  }

  /** Enters fresh contacts as one cohort and waits until each member waits for `go`, as the API sees it. */
  async function waitingCohort(plan: Plan, count: number) {
    const contactIds: string[] = [];
    // Without a phone a member's send is blocked at once once it may go: no gateway is involved.
    for (let i = 0; i < count; i += 1)
      contactIds.push(await insertContact(stack.app, stack.ws.workspaceId, { phone: false }));
    const cohortId = `cohort-test-${randomUUID()}`;
    const started = await stack.app
      .get(CohortStarter)
      .start({ workspaceId: stack.ws.workspaceId, plan, cohortId, contactIds });
    expect(started).toEqual({ started: count, skipped: 0 });
    for (const contactId of contactIds)
      await waitFor(`member ${contactId} waiting for go`, async () => {
        const view = await journeyOf(plan.campaignId, contactId);
        expect(view.enrollments[0]?.live).toMatchObject({ status: 'waiting', stepId: 'wait' });
      });
    return { cohortId, contactIds, handle: stack.client.workflow.getHandle(cohortId) };
  }

  async function signalsDelivered() {
    const queue = stack.app.get<Queue>(getQueueToken(CAMPAIGN_STATE_SIGNALS_QUEUE));
    await waitFor('campaign state signalled to its journeys', async () => {
      const counts = await queue.getJobCounts();
      expect(counts.waiting + counts.active + counts.delayed).toBe(0);
    });
  }

  /** Tracks `event` for the contact through the ingest API. */
  async function track(contactId: string, event: string): Promise<void> {
    const [row] = (await stack.db.query('SELECT external_id FROM contacts WHERE id = $1', [
      contactId,
    ])) as Array<{
      external_id: string;
    }>;
    await stack.ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: `m-${randomUUID()}`, userId: row!.external_id, event, properties: {} })
      .expect(200);
  }

  it('says where a member is, mid-wait, and that its journey runs in a cohort', async () => {
    const plan = await publishWaitThenSms(stack.app, stack.ws.workspaceId, world.smsAccountId);
    const { cohortId, contactIds } = await waitingCohort(plan, 3);

    const view = await journeyOf(plan.campaignId, contactIds[1]!);
    expect(view.enrollments).toHaveLength(1);
    expect(view.enrollments[0]).toMatchObject({
      status: 'active',
      execution: 'cohort',
      cohortWorkflowId: cohortId,
      live: {
        available: true,
        status: 'waiting',
        stepId: 'wait',
        waitingFor: { kind: 'event', event: 'go' },
      },
    });
    expect(view.enrollments[0]!.path[0]).toMatchObject({ seq: 0, outcome: 'entered' });

    const listed = await stack.ws.as.analyst.get(`/campaigns/${plan.campaignId}/enrollments`).expect(200);
    expect(listed.body.items).toHaveLength(3);
    for (const item of listed.body.items as Enrollment[])
      expect(item).toMatchObject({ execution: 'cohort', cohortWorkflowId: cohortId });
    const journeys = await stack.ws.as.analyst.get(`/contacts/${contactIds[0]}/journeys`).expect(200);
    expect(journeys.body.items[0]).toMatchObject({
      campaignId: plan.campaignId,
      execution: 'cohort',
      cohortWorkflowId: cohortId,
    });

    // The member's journey has no workflow of its own: the cohort answered for it.
    await expect(
      stack.client.workflow.getHandle(`journey:${plan.campaignId}:${contactIds[1]}:once`).describe(),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await stack.ws.as.admin.post(`/campaigns/${plan.campaignId}/stop`).expect(200);
    await signalsDelivered();
  });

  it('cancels one member alone: it exits `stopped`, the other members go on waiting', async () => {
    const plan = await publishWaitThenSms(stack.app, stack.ws.workspaceId, world.smsAccountId);
    const { cohortId, contactIds, handle } = await waitingCohort(plan, 3);
    const [cancelled, ...others] = contactIds;

    const response = await stack.ws.as.marketer
      .post(`/campaigns/${plan.campaignId}/contacts/${cancelled}/journey/cancel`)
      .send({ comment: 'asked to stop' })
      .expect(202);
    expect(response.body.cancelled).toHaveLength(1);
    const audit = (await stack.db.query(
      `SELECT details FROM audit_log WHERE target_id = $1 AND action = 'campaign.journey_cancelled'`,
      [plan.campaignId],
    )) as Array<{ details: Record<string, unknown> }>;
    expect(audit).toEqual([
      { details: expect.objectContaining({ contactId: cancelled, cohortWorkflowId: cohortId }) },
    ]);

    const view = await waitFor('the exit recorded', async () => {
      const journey = await journeyOf(plan.campaignId, cancelled!);
      expect(journey.enrollments[0]).toMatchObject({ status: 'exited', exitReason: 'stopped' });
      return journey;
    });
    expect(view.enrollments[0]!.live).toEqual({ available: false, unavailableBecause: 'not_running' });
    expect(view.enrollments[0]!.path.at(-1)).toMatchObject({ outcome: 'exit:stopped' });
    await stack.ws.as.admin
      .post(`/campaigns/${plan.campaignId}/contacts/${cancelled}/journey/cancel`)
      .send({})
      .expect(409);
    for (const contactId of others)
      expect((await journeyOf(plan.campaignId, contactId)).enrollments[0]).toMatchObject({
        status: 'active',
        live: { available: true, status: 'waiting', stepId: 'wait' },
      });
    expect(await handle.query<CohortProgress>('cohortProgress')).toMatchObject({
      running: 2,
      exited: 1,
      exitReasons: { stopped: 1 },
    });

    await stack.ws.as.admin.post(`/campaigns/${plan.campaignId}/stop`).expect(200);
    expect(await handle.result()).toMatchObject({ exited: 3, exitReasons: { stopped: 3 } });
  });

  it('routes an event to exactly its member; pause holds that member at its send, resume lets it go, stop ends the rest', async () => {
    const plan = await publishWaitThenSms(stack.app, stack.ws.workspaceId, world.smsAccountId);
    const { contactIds, handle } = await waitingCohort(plan, 3);
    const [sender, ...waiters] = contactIds;

    await stack.ws.as.admin.post(`/campaigns/${plan.campaignId}/pause`).expect(200);
    await signalsDelivered();
    await track(sender!, 'go');
    const held = await waitFor('the member’s send held by the pause', async () => {
      const journey = await journeyOf(plan.campaignId, sender!);
      expect(journey.enrollments[0]!.live).toMatchObject({ stepId: 'sms', waitingFor: { kind: 'paused' } });
      return journey;
    });
    expect(held.enrollments[0]!.path.map((entry) => entry.outcome)).not.toContain('sent');
    for (const contactId of waiters)
      expect((await journeyOf(plan.campaignId, contactId)).enrollments[0]!.live).toMatchObject({
        status: 'waiting',
        stepId: 'wait',
        waitingFor: { kind: 'event', event: 'go' },
      });

    await stack.ws.as.admin.post(`/campaigns/${plan.campaignId}/resume`).expect(200);
    const done = await waitFor('the member done', async () => {
      const journey = await journeyOf(plan.campaignId, sender!);
      expect(journey.enrollments[0]).toMatchObject({ status: 'exited', exitReason: 'done' });
      return journey;
    });
    const sms = done.enrollments[0]!.path.filter((entry) => entry.stepId === 'sms');
    expect(sms.map((entry) => entry.outcome)).toEqual(['held', 'blocked']);
    for (const contactId of waiters)
      expect((await journeyOf(plan.campaignId, contactId)).enrollments[0]).toMatchObject({
        status: 'active',
        live: { status: 'waiting', stepId: 'wait' },
      });

    // The waiters wait 30 days for `go`: only the stop ends them within the test.
    await stack.ws.as.admin.post(`/campaigns/${plan.campaignId}/stop`).expect(200);
    expect(await handle.result()).toMatchObject({ exited: 3, exitReasons: { done: 1, stopped: 2 } });
    await waitFor('every enrollment exited', async () => {
      const active = await stack.ws.as.analyst
        .get(`/campaigns/${plan.campaignId}/enrollments`)
        .query({ status: 'active' })
        .expect(200);
      expect(active.body.items).toEqual([]);
    });
    const stopped = await stack.ws.as.analyst
      .get(`/campaigns/${plan.campaignId}/enrollments`)
      .query({ exitReason: 'stopped' })
      .expect(200);
    expect(stopped.body.items.map((item: Enrollment) => item.contactId).sort()).toEqual([...waiters].sort());
  });

  it('enters each contact once: a retried start keeps its members, a running or finished member is not entered again', async () => {
    const plan = await publishWaitThenSms(stack.app, stack.ws.workspaceId, world.smsAccountId);
    const starter = stack.app.get(CohortStarter);
    const contactIds: string[] = [];
    for (let i = 0; i < 4; i += 1)
      contactIds.push(await insertContact(stack.app, stack.ws.workspaceId, { phone: false }));
    const [a, b, c, d] = contactIds as [string, string, string, string];
    const start = (cohortId: string, ids: string[], ofPlan: Plan = plan) =>
      starter.start({ workspaceId: stack.ws.workspaceId, plan: ofPlan, cohortId, contactIds: ids });
    const members = async (cohortId: string) =>
      (
        (await stack.db.query(
          'SELECT contact_id FROM enrollments WHERE run_id = $1 AND cohort_workflow_id = $1 ORDER BY contact_id',
          [cohortId],
        )) as Array<{ contact_id: string }>
      ).map((row) => row.contact_id);

    const first = `cohort-test-${randomUUID()}`;
    expect(await start(first, [a, b])).toEqual({ started: 2, skipped: 0 });
    // The same call again (its activity retried), even with a contact added meanwhile: the members it began with.
    expect(await start(first, [a, b, c])).toEqual({ started: 2, skipped: 1 });
    expect(await members(first)).toEqual([a, b].sort());
    expect(await stack.client.workflow.getHandle(first).describe()).toMatchObject({
      status: { name: 'RUNNING' },
    });

    // A contact whose cohort journey runs is not entered by another cohort, nor one journey of its own.
    const second = `cohort-test-${randomUUID()}`;
    expect(await start(second, [a, c])).toEqual({ started: 1, skipped: 1 });
    expect(await members(second)).toEqual([c]);
    const manual = await stack.ws.as.marketer
      .post(`/campaigns/${plan.campaignId}/enrollments`)
      .send({ contactIds: [b, d] })
      .expect(200);
    expect(manual.body).toMatchObject({ started: 1, skipped: 1 });

    // Once exited, a member is not entered again where re-entry is `never` (the default).
    await stack.db.query(
      `UPDATE enrollments SET status = 'exited', exited_at = now() WHERE run_id = $1 AND contact_id = $2`,
      [first, a],
    );
    expect(await start(`cohort-test-${randomUUID()}`, [a])).toEqual({ started: 0, skipped: 1 });
  });
});
