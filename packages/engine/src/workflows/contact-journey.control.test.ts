import { clearOfTimers, connectTimeSkippingEnvironment, signalClearOfTimers, waitFor } from '@loa/testing';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CampaignState, JourneyEvent } from '../journey/journey-contract';
import { journeyEnrollment } from '../journey/enrollment-options';
import type { CampaignSettingsInput } from '../graph/settings.schema';
import type { contactJourney } from './contact-journey.workflow';
import { campaignStateSignal, journeyEventSignal, journeyStatusQuery } from './journey-messages';
import { fakeJourneyActivities } from './testing/fake-journey-activities';
import {
  clientStartOptions,
  entryOf,
  outcomes,
  startJourney,
  statusWhen,
  timeOf,
  track,
  withWorker,
} from './testing/journey-test-kit';
import { recordHistory } from './testing/record-history';
import { abandonedOrderPlan, planOf, smsNode } from './testing/test-plans';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const event = (id: string, name: string, properties: Record<string, unknown> = {}): JourneyEvent => ({
  id,
  name,
  properties,
  occurredAt: '2026-01-01T00:00:00.000Z',
});

/** A day's delay, then a care SMS. */
const dayThenSms = (settings: CampaignSettingsInput = {}) =>
  planOf({
    nodes: [['wait', 'wait.delay', { amount: 1, unit: 'days' }], smsNode('sms')],
    edges: [['wait', 'next', 'sms']],
    settings,
  });

describe('contactJourney control on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  describe('re-entry, with the start options of journeyEnrollment', () => {
    const enter = (plan: ReturnType<typeof dayThenSms>, taskQueue: string) =>
      env.client.workflow
        .start<typeof contactJourney>(
          'contactJourney',
          clientStartOptions(
            journeyEnrollment({ workspaceId: 'ws', plan, contactId: 'c-reentry' }),
            taskQueue,
          ),
        )
        .then(track);

    it('never: entering twice is one journey, and a closed journey is not entered again', async () => {
      const plan = dayThenSms({ reEntry: { mode: 'never' } });
      const fake = fakeJourneyActivities();
      await withWorker(env, fake.activities, async (taskQueue) => {
        const first = await enter(plan, taskQueue);
        await expect(enter(plan, taskQueue)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
        await first.result();
        await expect(enter(plan, taskQueue)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      });
      expect(fake.sent()).toHaveLength(1);
    });

    it('after_exit: entering while running is a no-op; after the journey closed a new run starts', async () => {
      const plan = dayThenSms({ reEntry: { mode: 'after_exit' } });
      const fake = fakeJourneyActivities();
      await withWorker(env, fake.activities, async (taskQueue) => {
        const first = await enter(plan, taskQueue);
        await expect(enter(plan, taskQueue)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
        await first.result();
        const second = await enter(plan, taskQueue);
        expect(second.workflowId).toBe(first.workflowId);
        expect(second.firstExecutionRunId).not.toBe(first.firstExecutionRunId);
        await second.result();
      });
      expect(fake.sent()).toHaveLength(2);
      expect(new Set(fake.sent().map((call) => call.runId)).size).toBe(2);
    });
  });

  it('pause holds the journey at its next send until resume', async () => {
    let state: CampaignState = 'active';
    const fake = fakeJourneyActivities({ campaignState: () => state });
    const { result, resumedAtMs } = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan: dayThenSms() });
      await statusWhen(handle, 'in the delay', (status) => status.waitingFor?.kind === 'delay');
      await clearOfTimers(env, handle);
      state = 'paused';
      await handle.signal(campaignStateSignal, 'paused');
      await env.sleep('1 day');
      await statusWhen(handle, 'held before the send', (status) => status.waitingFor?.kind === 'paused');
      await env.sleep('5 hours');
      expect((await handle.query(journeyStatusQuery)).waitingFor?.kind).toBe('paused');
      expect(fake.sent()).toHaveLength(0);
      await clearOfTimers(env, handle);
      state = 'active';
      const resumedAt = await env.currentTimeMs();
      await handle.signal(campaignStateSignal, 'active');
      const outcome = await handle.result();
      await recordHistory(handle, 'paused-then-resumed');
      return { result: outcome, resumedAtMs: resumedAt };
    });
    expect(outcomes(result.path)).toEqual([
      'wait:entered',
      'wait:waiting',
      'wait:elapsed',
      'sms:held',
      'sms:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(timeOf(entryOf(result.path, 'sms:sent'))).toBeGreaterThanOrEqual(resumedAtMs);
    expect(timeOf(entryOf(result.path, 'sms:sent')) - timeOf(result.path[0])).toBeGreaterThan(DAY + 5 * HOUR);
    // While held, the journey asked for the campaign state every hour in case a resume signal was missed.
    expect(fake.stateChecks.length).toBeGreaterThanOrEqual(5);
  });

  describe('a send its activity holds: the campaign left active before the journey heard of it', () => {
    /** The send activity (and getCampaignState) read the campaign state the API committed. */
    const holdingWhileNot = (committed: () => CampaignState) =>
      fakeJourneyActivities({
        campaignState: committed,
        provider: {
          sms: (input) => {
            const state = committed();
            return state === 'active'
              ? { status: 'sent', messageId: `msg-${input.idempotencyKey}` }
              : { status: 'held', campaignState: state };
          },
        },
      });
    /** A send at once: the journey never waits long enough to ask for the campaign state itself. */
    const smsAtOnce = () => planOf({ nodes: [smsNode('sms')], edges: [] });

    it('holds as the send found the campaign, with no signal, and sends once a later check finds it resumed', async () => {
      let committed: CampaignState = 'paused';
      const fake = holdingWhileNot(() => committed);
      const result = await withWorker(env, fake.activities, async (taskQueue) => {
        const handle = await startJourney(env, taskQueue, { plan: smsAtOnce() });
        await statusWhen(handle, 'held at the send', (status) => status.waitingFor?.kind === 'paused');
        await env.sleep('2 hours');
        committed = 'active';
        return handle.result();
      });
      expect(outcomes(result.path)).toEqual([
        'sms:entered',
        'sms:held',
        'sms:sent',
        '$exit:completed:exit:completed',
      ]);
      expect(entryOf(result.path, 'sms:held')?.detail).toBe('campaign paused');
      // Held by the activity once; then the journey held itself, asking for the campaign state every hour.
      expect(fake.providerCalls.map((call) => call.outcome)).toEqual(['held', 'sent']);
      expect(fake.stateChecks.length).toBeGreaterThanOrEqual(2);
    });

    it('leaves with reason stopped, sending nothing, though no stop signal ever comes', async () => {
      const fake = holdingWhileNot(() => 'stopped');
      const result = await withWorker(env, fake.activities, async (taskQueue) => {
        const handle = await startJourney(env, taskQueue, { plan: smsAtOnce() });
        return handle.result();
      });
      expect(outcomes(result.path)).toEqual(['sms:entered', 'sms:held', 'sms:exit:stopped']);
      expect(entryOf(result.path, 'sms:held')?.detail).toBe('campaign stopped');
      expect(fake.sent()).toHaveLength(0);
      expect(fake.providerCalls).toHaveLength(1);
    });
  });

  it('stop interrupts a wait: the journey exits with reason stopped and sends nothing', async () => {
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan: dayThenSms() });
      await statusWhen(handle, 'in the delay', (status) => status.waitingFor?.kind === 'delay');
      await signalClearOfTimers(env, handle, campaignStateSignal, 'stopped');
      const outcome = await handle.result();
      expect(await handle.query(journeyStatusQuery)).toMatchObject({
        status: 'exited',
        exitReason: 'stopped',
      });
      return outcome;
    });
    expect(outcomes(result.path)).toEqual(['wait:entered', 'wait:waiting', 'wait:exit:stopped']);
    expect(timeOf(result.path[2]) - timeOf(result.path[0])).toBeLessThan(HOUR);
    expect(fake.sent()).toHaveLength(0);
    expect(fake.records.at(-1)).toMatchObject({ status: 'exited', exitReason: 'stopped' });
  });

  it('checks the campaign state after a long wait, so a missed stop signal still stops the journey', async () => {
    const fake = fakeJourneyActivities({ campaignState: () => 'stopped' });
    const result = await withWorker(env, fake.activities, async (taskQueue) =>
      (await startJourney(env, taskQueue, { plan: dayThenSms() })).result(),
    );
    expect(outcomes(result.path)).toEqual(['wait:entered', 'wait:waiting', 'wait:exit:stopped']);
    expect(timeOf(result.path[2]) - timeOf(result.path[0])).toBeGreaterThanOrEqual(DAY);
    expect(fake.stateChecks).toHaveLength(1);
    expect(fake.sent()).toHaveLength(0);
  });

  it('exits with reason goal as soon as the conversion goal is reached, interrupting the wait', async () => {
    const plan = abandonedOrderPlan({
      goal: { event: 'order.paid', window: { amount: 7, unit: 'days' }, exitOnGoal: true },
    });
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, {
        plan,
        entryEvent: event('evt-created-G1', 'order.created', { orderId: 'G1' }),
      });
      await statusWhen(handle, 'in the first hour', (status) => status.waitingFor?.kind === 'delay');
      await signalClearOfTimers(
        env,
        handle,
        journeyEventSignal,
        event('evt-paid-G1', 'order.paid', { orderId: 'G1' }),
      );
      const outcome = await handle.result();
      await recordHistory(handle, 'abandoned-order-goal-exit');
      return outcome;
    });
    expect(result).toMatchObject({ exitReason: 'goal', converted: true });
    expect(outcomes(result.path)).toEqual([
      'wait1h:entered',
      'wait1h:waiting',
      'wait1h:converted',
      'wait1h:exit:goal',
    ]);
    expect(fake.sent()).toHaveLength(0);
    expect(fake.records.at(-1)).toMatchObject({ status: 'exited', exitReason: 'goal', converted: true });
  });

  it('marks the journey converted without leaving when exitOnGoal is off', async () => {
    const plan = abandonedOrderPlan({
      goal: { event: 'order.paid', window: { amount: 7, unit: 'days' }, exitOnGoal: false },
    });
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, {
        plan,
        entryEvent: event('evt-created-G2', 'order.created', { orderId: 'G2' }),
      });
      await statusWhen(handle, 'in the first hour', (status) => status.waitingFor?.kind === 'delay');
      await signalClearOfTimers(
        env,
        handle,
        journeyEventSignal,
        event('evt-paid-G2', 'order.paid', { orderId: 'G2' }),
      );
      await statusWhen(handle, 'converted', (status) => status.converted);
      return handle.result();
    });
    expect(result).toMatchObject({ exitReason: 'not_paid', converted: true });
    expect(fake.sent().map((call) => call.stepId)).toEqual(['reminder', 'lastCall']);
  });

  it('stops a looping journey at 1,000 steps (step_limit)', async () => {
    const plan = planOf({
      nodes: [['tick', 'wait.delay', { amount: 1, unit: 'minutes' }]],
      edges: [['tick', 'next', 'tick']],
    });
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) =>
      (await startJourney(env, taskQueue, { plan })).result(),
    );
    expect(result).toMatchObject({ exitReason: 'step_limit', stepsTaken: 1000 });
    expect(outcomes(result.path).at(-1)).toBe('tick:exit:step_limit');
    const entries = fake.recordedEntries();
    expect(entries.filter((entry) => entry.outcome === 'elapsed')).toHaveLength(1000);
    expect(entries).toHaveLength(1 + 2 * 1000 + 1);
  });

  describe('continue-as-new', () => {
    it('carries steps, counters and every path entry: the loop still stops at exactly 1,000 steps', async () => {
      const plan = planOf({
        nodes: [['tick', 'wait.delay', { amount: 1, unit: 'minutes' }]],
        edges: [['tick', 'next', 'tick']],
      });
      const fake = fakeJourneyActivities();
      const { result, runId, firstRunId } = await withWorker(env, fake.activities, async (taskQueue) => {
        const handle = await startJourney(env, taskQueue, { plan, continueAfterSteps: 300 });
        const outcome = await handle.result();
        return {
          result: outcome,
          runId: (await handle.describe()).runId,
          firstRunId: handle.firstExecutionRunId,
        };
      });
      expect(runId).not.toBe(firstRunId);
      expect(result).toMatchObject({ exitReason: 'step_limit', stepsTaken: 1000 });
      const entries = fake.recordedEntries();
      expect(entries).toHaveLength(1 + 2 * 1000 + 1);
      expect(entries.map((entry) => entry.outcome)).toEqual([
        'entered',
        ...Array.from({ length: 1000 }, () => ['waiting', 'elapsed']).flat(),
        'exit:step_limit',
      ]);
      // Each record names where its entries stand in the enrollment's log, across runs: the store's natural key.
      const positions = fake.records.map((record) => record.firstSeq);
      const expected = fake.records.map((_, index) =>
        fake.records.slice(0, index).reduce((count, record) => count + record.entries.length, 0),
      );
      expect(positions).toEqual(expected);
      expect(new Set(fake.records.map((record) => record.journey.enrollmentId))).toEqual(
        new Set([firstRunId]),
      );
    });

    it('keeps buffered events, seen ids and conversion: an event signalled before the continue matches after it, once', async () => {
      const plan = planOf({
        nodes: [
          ['start', 'trigger.event', { event: 'order.created', entryKey: 'orderId' }],
          [
            'paid',
            'wait.event',
            { event: 'order.paid', matchEntryKey: 'orderId', timeout: { amount: 2, unit: 'days' } },
          ],
          smsNode('thanks'),
          ['cooldown', 'wait.delay', { amount: 1, unit: 'hours' }],
          ['done', 'flow.exit', { reason: 'paid' }],
          ['late', 'flow.exit', { reason: 'timeout' }],
        ],
        edges: [
          ['start', 'next', 'paid'],
          ['paid', 'matched', 'thanks'],
          ['paid', 'timeout', 'late'],
          ['thanks', 'success', 'cooldown'],
          ['cooldown', 'next', 'done'],
        ],
        settings: {
          goal: { event: 'review.posted', window: { amount: 7, unit: 'days' }, exitOnGoal: false },
        },
      });
      const otherOrder = event('evt-paid-other', 'order.paid', { orderId: 'X1' });
      const review = event('evt-review', 'review.posted', { stars: 5 });
      const mine = event('evt-paid-mine', 'order.paid', { orderId: 'C5' });
      const fake = fakeJourneyActivities();
      const { result, firstRunId, runIdAtWait, runId } = await withWorker(
        env,
        fake.activities,
        async (taskQueue) => {
          const handle = await startJourney(env, taskQueue, {
            plan,
            entryEvent: event('evt-created-C5', 'order.created', { orderId: 'C5' }),
            continueAfterEvents: 3,
          });
          await statusWhen(handle, 'waiting for order.paid', (status) => status.waitingFor?.kind === 'event');
          const waitingRun = (await handle.describe()).runId;
          for (const signalled of [otherOrder, review, otherOrder, mine])
            await signalClearOfTimers(env, handle, journeyEventSignal, signalled);
          // The thank-you sent: the journey is in its cooldown. Not asked by query, which the time-skipping test
          // server can mishandle while the run continues as new.
          await waitFor('the thank-you sent', async () => {
            if (fake.sent().length === 0) throw new Error('not yet');
          });
          for (const repeated of [mine, review, otherOrder])
            await signalClearOfTimers(env, handle, journeyEventSignal, repeated);
          const outcome = await handle.result();
          await recordHistory(handle, 'continued-run-matches-buffered-event');
          return {
            result: outcome,
            firstRunId: handle.firstExecutionRunId,
            runIdAtWait: waitingRun,
            runId: (await handle.describe()).runId,
          };
        },
      );
      expect(runIdAtWait).toBe(firstRunId);
      expect(runId).not.toBe(firstRunId);
      expect(result).toMatchObject({ exitReason: 'paid', converted: true });
      expect(outcomes(result.path)).toEqual([
        'paid:entered',
        'paid:waiting',
        'paid:converted',
        'paid:matched',
        'thanks:sent',
        'cooldown:waiting',
        'cooldown:elapsed',
        'done:exit:paid',
      ]);
      expect(entryOf(result.path, 'paid:matched')?.detail).toBe('evt-paid-mine');
      // The send happened in the continued run, once.
      expect(fake.sent()).toHaveLength(1);
      expect(fake.sent()[0].runId).not.toBe(firstRunId);
      expect(fake.recordedEntries()).toEqual(result.path);
    });
  });
});
