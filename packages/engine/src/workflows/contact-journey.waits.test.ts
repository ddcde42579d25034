import { connectTimeSkippingEnvironment, signalClearOfTimers } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import type { JourneyEvent } from '../journey/journey-contract';
import { journeyEventSignal } from './journey-messages';
import { fakeJourneyActivities } from './testing/fake-journey-activities';
import {
  entryOf,
  outcomes,
  resultsInTurn,
  startJourney,
  statusWhen,
  timeOf,
  withWorker,
} from './testing/journey-test-kit';
import { recordHistory } from './testing/record-history';
import { abandonedOrderPlan, planOf, smsNode, welcomeSeriesPlan } from './testing/test-plans';

const HCM = 'Asia/Ho_Chi_Minh';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const orderCreated = (orderId: string): JourneyEvent => ({
  id: `evt-created-${orderId}`,
  name: 'order.created',
  properties: { orderId },
  occurredAt: '2026-01-01T00:00:00.000Z',
});
const orderPaid = (id: string, orderId: string): JourneyEvent => ({
  id,
  name: 'order.paid',
  properties: { orderId, amount: 250_000 },
  occurredAt: '2026-01-01T00:00:00.000Z',
});

describe('contactJourney waits on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a welcome series over five days of workflow time, branching on fresh contact data', async () => {
    const fake = fakeJourneyActivities({
      contacts: { vip: { attributes: {}, tags: ['vip'] }, regular: { attributes: {}, tags: [] } },
    });
    const plan = welcomeSeriesPlan();
    const [vip, regular] = await withWorker(env, fake.activities, async (taskQueue) => {
      const vipHandle = await startJourney(env, taskQueue, { plan, contactId: 'vip' });
      const regularHandle = await startJourney(env, taskQueue, { plan, contactId: 'regular' });
      const results = await resultsInTurn([vipHandle, regularHandle]);
      await recordHistory(vipHandle, 'welcome-series-vip');
      return results;
    });
    expect(outcomes(vip.path)).toEqual([
      'welcome:entered',
      'welcome:sent',
      'wait3d:waiting',
      'wait3d:elapsed',
      'isVip:yes',
      'vipOffer:sent',
      'wait2d:waiting',
      'wait2d:elapsed',
      'done:exit:welcomed',
    ]);
    expect(outcomes(regular.path)).toContain('careSms:sent');
    expect(vip).toMatchObject({ exitReason: 'welcomed', converted: false, stepsTaken: 6 });
    const entered = timeOf(vip.path[0]);
    expect(timeOf(entryOf(vip.path, 'wait3d:elapsed')) - entered).toBeGreaterThanOrEqual(3 * DAY);
    expect(timeOf(entryOf(vip.path, 'done:exit:welcomed')) - entered).toBeGreaterThanOrEqual(5 * DAY);
    expect(timeOf(entryOf(vip.path, 'done:exit:welcomed')) - entered).toBeLessThan(5 * DAY + HOUR);
    // Progress recorded before each long wait and at exit, every entry exactly once.
    const vipRecords = fake.records.filter((record) => record.journey.contactId === 'vip');
    expect(vipRecords.map((record) => record.status)).toEqual(['active', 'active', 'exited']);
    expect(vipRecords.flatMap((record) => record.entries)).toEqual(vip.path);
    expect(vipRecords.at(-1)).toMatchObject({ exitReason: 'welcomed', converted: false });
    // The campaign state is refreshed after each long wait.
    expect(fake.stateChecks).toHaveLength(4);
  });

  it('waits until the next 09:00 in Asia/Ho_Chi_Minh, on allowed weekdays only', async () => {
    const waitUntilNine = (weekdays?: number[]) =>
      planOf({
        nodes: [
          [
            'nine',
            'wait.until',
            { until: { kind: 'time_of_day', time: '09:00', ...(weekdays && { weekdays }) } },
          ],
          smsNode('morning'),
        ],
        edges: [['nine', 'next', 'morning']],
        settings: { timezone: HCM },
      });
    const fake = fakeJourneyActivities();
    const [anyDay, weekend] = await withWorker(env, fake.activities, async (taskQueue) => {
      const handles = await Promise.all([
        startJourney(env, taskQueue, { plan: waitUntilNine() }),
        startJourney(env, taskQueue, { plan: waitUntilNine([6, 7]) }),
      ]);
      return resultsInTurn(handles);
    });
    for (const [result, weekdays] of [
      [anyDay, [1, 2, 3, 4, 5, 6, 7]],
      [weekend, [6, 7]],
    ] as const) {
      const entered = timeOf(result.path[0]);
      const elapsed = DateTime.fromMillis(timeOf(entryOf(result.path, 'nine:elapsed')), { zone: HCM });
      expect(elapsed.toFormat('HH:mm:ss')).toBe('09:00:00');
      expect(weekdays).toContain(elapsed.weekday);
      expect(elapsed.toMillis()).toBeGreaterThan(entered);
      expect(elapsed.toMillis() - entered).toBeLessThanOrEqual(weekdays.length === 7 ? DAY : 7 * DAY);
      expect(outcomes(result.path).slice(-2)).toEqual(['morning:sent', '$exit:completed:exit:completed']);
    }
  });

  it('waits for a date attribute (a day before renewal, 10:00) and goes on at once without a date', async () => {
    const now = await env.currentTimeMs();
    const renewal = DateTime.fromMillis(now, { zone: HCM }).plus({ days: 10 }).toISODate();
    const fake = fakeJourneyActivities({
      contacts: { renewing: { attributes: { renewalDate: renewal }, tags: [] } },
    });
    const plan = planOf({
      nodes: [
        [
          'beforeRenewal',
          'wait.until',
          { until: { kind: 'date_attribute', attribute: 'renewalDate', offsetDays: -1, time: '10:00' } },
        ],
        smsNode('remind'),
      ],
      edges: [['beforeRenewal', 'next', 'remind']],
    });
    const [renewing, unknown] = await withWorker(env, fake.activities, async (taskQueue) => {
      const handles = await Promise.all([
        startJourney(env, taskQueue, { plan, contactId: 'renewing' }),
        startJourney(env, taskQueue, { plan, contactId: 'no-date' }),
      ]);
      return resultsInTurn(handles);
    });
    const elapsed = DateTime.fromMillis(timeOf(entryOf(renewing.path, 'beforeRenewal:elapsed')), {
      zone: HCM,
    });
    expect(elapsed.toISODate()).toBe(
      DateTime.fromISO(renewal as string, { zone: HCM })
        .minus({ days: 1 })
        .toISODate(),
    );
    expect(elapsed.toFormat('HH:mm')).toBe('10:00');
    expect(outcomes(unknown.path)).toEqual([
      'beforeRenewal:entered',
      'beforeRenewal:elapsed',
      'remind:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(entryOf(unknown.path, 'beforeRenewal:elapsed')?.detail).toMatch(/^no date in /);
  });

  it('takes the matched handle for this order’s order.paid; another order’s payment does not match', async () => {
    const fake = fakeJourneyActivities();
    const plan = abandonedOrderPlan();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan, entryEvent: orderCreated('A1') });
      await env.sleep('1 hour');
      await statusWhen(handle, 'waiting for order.paid', (status) => status.waitingFor?.kind === 'event');
      await signalClearOfTimers(env, handle, journeyEventSignal, orderPaid('evt-paid-other', 'B2'));
      await signalClearOfTimers(env, handle, journeyEventSignal, orderPaid('evt-paid-mine', 'A1'));
      const outcome = await handle.result();
      await recordHistory(handle, 'abandoned-order-paid');
      return outcome;
    });
    expect(outcomes(result.path)).toEqual([
      'wait1h:entered',
      'wait1h:waiting',
      'wait1h:elapsed',
      'reminder:sent',
      'paid:waiting',
      'paid:matched',
      'thanks:exit:paid',
    ]);
    expect(entryOf(result.path, 'paid:matched')?.detail).toBe('evt-paid-mine');
    expect(fake.sent().map((call) => call.stepId)).toEqual(['reminder']);
  });

  it('takes the timeout handle a day later when only another order is paid', async () => {
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, {
        plan: abandonedOrderPlan(),
        entryEvent: orderCreated('A7'),
      });
      await env.sleep('1 hour');
      await statusWhen(handle, 'waiting for order.paid', (status) => status.waitingFor?.kind === 'event');
      await signalClearOfTimers(env, handle, journeyEventSignal, orderPaid('evt-paid-someone-else', 'Z9'));
      const outcome = await handle.result();
      await recordHistory(handle, 'abandoned-order-timeout');
      return outcome;
    });
    expect(outcomes(result.path).slice(-4)).toEqual([
      'paid:waiting',
      'paid:timeout',
      'lastCall:sent',
      'gaveUp:exit:not_paid',
    ]);
    const waited =
      timeOf(entryOf(result.path, 'paid:timeout')) - timeOf(entryOf(result.path, 'paid:waiting'));
    expect(waited).toBeGreaterThanOrEqual(DAY);
    expect(waited).toBeLessThan(DAY + 60_000);
  });

  it('does not count an event that arrived before the wait began', async () => {
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, {
        plan: abandonedOrderPlan(),
        entryEvent: orderCreated('E1'),
      });
      await statusWhen(handle, 'in the first hour', (status) => status.waitingFor?.kind === 'delay');
      await signalClearOfTimers(env, handle, journeyEventSignal, orderPaid('evt-paid-early', 'E1'));
      return handle.result();
    });
    expect(outcomes(result.path)).toContain('paid:timeout');
  });

  it('ignores a duplicate event id: one event satisfies one wait only', async () => {
    const plan = planOf({
      nodes: [
        ['first', 'wait.event', { event: 'ping', timeout: { amount: 1, unit: 'days' } }],
        smsNode('pong'),
        ['second', 'wait.event', { event: 'ping', timeout: { amount: 1, unit: 'days' } }],
        ['two', 'flow.exit', { reason: 'two_pings' }],
        ['one', 'flow.exit', { reason: 'one_ping' }],
      ],
      edges: [
        ['first', 'matched', 'pong'],
        ['pong', 'success', 'second'],
        ['second', 'matched', 'two'],
        ['second', 'timeout', 'one'],
      ],
    });
    const ping: JourneyEvent = {
      id: 'ping-1',
      name: 'ping',
      properties: {},
      occurredAt: '2026-01-01T00:00:00Z',
    };
    const fake = fakeJourneyActivities();
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan });
      await statusWhen(
        handle,
        'waiting for the first ping',
        (status) => status.stepId === 'first' && status.status === 'waiting',
      );
      await signalClearOfTimers(env, handle, journeyEventSignal, ping);
      await signalClearOfTimers(env, handle, journeyEventSignal, ping);
      await statusWhen(
        handle,
        'waiting for the second ping',
        (status) => status.stepId === 'second' && status.status === 'waiting',
      );
      await signalClearOfTimers(env, handle, journeyEventSignal, ping);
      return handle.result();
    });
    expect(result.exitReason).toBe('one_ping');
    expect(outcomes(result.path).filter((entry) => entry.endsWith(':matched'))).toEqual(['first:matched']);
    expect(fake.sent()).toHaveLength(1);
  });
});
