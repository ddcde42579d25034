import { connectDevServerEnvironment } from '@loa/testing';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { JourneyEvent } from '../journey/journey-contract';
import { journeyEnrollment } from '../journey/enrollment-options';
import type { contactJourney } from './contact-journey.workflow';
import { campaignStateSignal, journeyEventSignal, journeyStatusQuery } from './journey-messages';
import { fakeJourneyActivities } from './testing/fake-journey-activities';
import {
  clientStartOptions,
  outcomes,
  startJourney,
  statusWhen,
  track,
  withWorker,
} from './testing/journey-test-kit';
import { planOf, smsNode } from './testing/test-plans';

const event = (id: string, name: string, properties: Record<string, unknown> = {}): JourneyEvent => ({
  id,
  name,
  properties,
  occurredAt: new Date().toISOString(),
});

/** Order created → wait up to ten minutes for this order's payment → thank-you SMS. */
const orderPaymentPlan = () =>
  planOf({
    nodes: [
      ['start', 'trigger.event', { event: 'order.created', entryKey: 'orderId' }],
      [
        'paid',
        'wait.event',
        { event: 'order.paid', matchEntryKey: 'orderId', timeout: { amount: 10, unit: 'minutes' } },
      ],
      smsNode('thanks'),
      ['done', 'flow.exit', { reason: 'paid' }],
      ['late', 'flow.exit', { reason: 'timeout' }],
    ],
    edges: [
      ['start', 'next', 'paid'],
      ['paid', 'matched', 'thanks'],
      ['paid', 'timeout', 'late'],
      ['thanks', 'success', 'done'],
    ],
    settings: { reEntry: { mode: 'always' } },
  });

describe('contactJourney on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectDevServerEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('delivers events and campaign state to running journeys by signal', async () => {
    const plan = orderPaymentPlan();
    const fake = fakeJourneyActivities();
    const [paid, stopped] = await withWorker(env, fake.activities, async (taskQueue) => {
      const paying = await startJourney(env, taskQueue, {
        plan,
        entryEvent: event('evt-created-D1', 'order.created', { orderId: 'D1' }),
      });
      const stopping = await startJourney(env, taskQueue, {
        plan,
        entryEvent: event('evt-created-D2', 'order.created', { orderId: 'D2' }),
      });
      for (const handle of [paying, stopping])
        await statusWhen(handle, 'waiting for the payment', (status) => status.waitingFor?.kind === 'event');
      await paying.signal(journeyEventSignal, event('evt-paid-D1', 'order.paid', { orderId: 'D1' }));
      await stopping.signal(campaignStateSignal, 'stopped');
      return Promise.all([paying.result(), stopping.result()]);
    });
    expect(outcomes(paid.path)).toEqual([
      'paid:entered',
      'paid:waiting',
      'paid:matched',
      'thanks:sent',
      'done:exit:paid',
    ]);
    expect(outcomes(stopped.path)).toEqual(['paid:entered', 'paid:waiting', 'paid:exit:stopped']);
    expect(fake.sent()).toHaveLength(1);
  });

  it('entering a running journey fails (counted as skipped) or, with use_existing, returns the running one', async () => {
    const plan = orderPaymentPlan();
    const created = event('evt-created-U1', 'order.created', { orderId: 'U1' });
    const enter = (taskQueue: string, whenRunning: 'fail' | 'use_existing') =>
      env.client.workflow
        .start<typeof contactJourney>(
          'contactJourney',
          clientStartOptions(
            journeyEnrollment({
              workspaceId: 'ws',
              plan,
              contactId: 'c-use',
              entryEvent: created,
              whenRunning,
            }),
            taskQueue,
          ),
        )
        .then(track);
    await withWorker(env, fakeJourneyActivities().activities, async (taskQueue) => {
      const first = await enter(taskQueue, 'fail');
      await expect(enter(taskQueue, 'fail')).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const joined = await enter(taskQueue, 'use_existing');
      expect(joined.firstExecutionRunId).toBe(first.firstExecutionRunId);
      await first.signal(campaignStateSignal, 'stopped');
      expect((await first.result()).exitReason).toBe('stopped');
    });
  });

  it('signalWithStart enters a journey atomically; a second one reaches the running journey', async () => {
    const plan = orderPaymentPlan();
    const created = event('evt-created-S1', 'order.created', { orderId: 'S1' });
    const enrollment = journeyEnrollment({
      workspaceId: 'ws',
      plan,
      contactId: 'c-sws',
      entryEvent: created,
    });
    const fake = fakeJourneyActivities();
    const { result, first, second } = await withWorker(env, fake.activities, async (taskQueue) => {
      const signalWithStart = (signalled: JourneyEvent) =>
        env.client.workflow
          .signalWithStart<typeof contactJourney, [JourneyEvent]>('contactJourney', {
            taskQueue,
            workflowId: enrollment.workflowId,
            workflowIdReusePolicy: WorkflowIdReusePolicy[enrollment.workflowIdReusePolicy],
            args: [enrollment.input],
            signal: journeyEventSignal,
            signalArgs: [signalled],
          })
          .then(track);
      // The entry event itself is the signal: the journey treats it as its entry, not as a new event.
      const firstHandle = await signalWithStart(created);
      await statusWhen(
        firstHandle,
        'waiting for the payment',
        (status) => status.waitingFor?.kind === 'event',
      );
      const secondHandle = await signalWithStart(event('evt-paid-S1', 'order.paid', { orderId: 'S1' }));
      const outcome = await secondHandle.result();
      expect((await firstHandle.query(journeyStatusQuery)).exitReason).toBe('paid');
      return { result: outcome, first: firstHandle, second: secondHandle };
    });
    expect(second.signaledRunId).toBe(first.signaledRunId);
    expect(outcomes(result.path)).toEqual([
      'paid:entered',
      'paid:waiting',
      'paid:matched',
      'thanks:sent',
      'done:exit:paid',
    ]);
    expect(result.path[0].detail).toBe('evt-created-S1');
    expect(fake.sent()).toHaveLength(1);
  });
});
