import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { connectTimeSkippingEnvironment } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { DateTime } from 'luxon';
import { chooseVariant } from '../interpreter/choose-variant';
import { SEND_ERROR_TYPES, type JourneyEvent } from '../journey/journey-contract';
import type { SplitStep } from '../plan/plan.types';
import {
  fakeJourneyActivities,
  type FakeJourneyOptions,
  type ProviderBehaviour,
} from './testing/fake-journey-activities';
import {
  entryOf,
  outcomes,
  resultsInTurn,
  startJourney,
  timeOf,
  withWorker,
} from './testing/journey-test-kit';
import { recordHistory } from './testing/record-history';
import {
  abSplitPlan,
  planOf,
  singleSendPlan,
  smsNode,
  znsNode,
  znsSmsFallbackPlan,
} from './testing/test-plans';

const HCM = 'Asia/Ho_Chi_Minh';
const HOUR = 3_600_000;

/** A classified provider failure; benign, so the worker does not log it as a problem. */
const fail = (type: string, details?: unknown[]): never => {
  throw ApplicationFailure.create({
    type,
    message: `${type} from the fake provider`,
    category: ApplicationFailureCategory.BENIGN,
    ...(details && { details }),
  });
};

describe('contactJourney sends on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /** Runs one journey through `plan` with the given provider behaviour. */
  async function runOne(options: {
    plan: ReturnType<typeof singleSendPlan>;
    provider?: FakeJourneyOptions['provider'];
    record?: string;
    entryEvent?: JourneyEvent;
  }) {
    const fake = fakeJourneyActivities({ provider: options.provider });
    const result = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, {
        plan: options.plan,
        ...(options.entryEvent && { entryEvent: options.entryEvent }),
      });
      const outcome = await handle.result();
      if (options.record) await recordHistory(handle, options.record);
      return outcome;
    });
    return { result, fake };
  }

  it('holds advertising until quiet hours end and sends care messages at once', async () => {
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: HCM });
    const quietHours = {
      start: now.minus({ hours: 1 }).toFormat('HH:mm'),
      end: now.plus({ hours: 2 }).toFormat('HH:mm'),
    };
    const planFor = (purpose: 'care' | 'advertising') =>
      planOf({ nodes: [znsNode('promo', purpose)], edges: [], settings: { timezone: HCM, quietHours } });
    const fake = fakeJourneyActivities();
    const [advertising, care] = await withWorker(env, fake.activities, async (taskQueue) =>
      resultsInTurn([
        await startJourney(env, taskQueue, { plan: planFor('advertising') }),
        await startJourney(env, taskQueue, { plan: planFor('care') }),
      ]),
    );
    expect(outcomes(advertising.path)).toEqual([
      'promo:entered',
      'promo:deferred',
      'promo:sent',
      '$exit:completed:exit:completed',
    ]);
    const sentAt = DateTime.fromMillis(timeOf(entryOf(advertising.path, 'promo:sent')), { zone: HCM });
    expect(sentAt.toFormat('HH:mm')).toBe(quietHours.end);
    expect(sentAt.toMillis() - timeOf(advertising.path[0])).toBeGreaterThan(HOUR);
    expect(sentAt.toMillis() - timeOf(advertising.path[0])).toBeLessThanOrEqual(2 * HOUR);
    expect(entryOf(advertising.path, 'promo:deferred')?.detail).toMatch(/^quiet_hours until /);
    expect(outcomes(care.path)).toEqual(['promo:entered', 'promo:sent', '$exit:completed:exit:completed']);
    // The provider saw the advertising message when quiet hours ended.
    const callTimes = fake
      .sent()
      .map((call) => DateTime.fromMillis(call.atMs, { zone: HCM }).toFormat('HH:mm'));
    expect(callTimes).toContain(quietHours.end);
    // Recorded before the long hold: the enrollment shows the send, deferred, while it waits.
    const deferredRecord = fake.records.find((record) =>
      record.entries.some((entry) => `${entry.stepId}:${entry.outcome}` === 'promo:deferred'),
    );
    expect(deferredRecord?.status).toBe('active');
    expect(deferredRecord?.entries.at(-1)?.outcome).toBe('deferred');
  });

  it('sends advertising SMS only between 07:00 and 22:00 Vietnam time (Decree 91); care SMS at any hour', async () => {
    const lateSms = (purpose: 'care' | 'advertising') =>
      planOf({
        nodes: [
          ['late', 'wait.until', { until: { kind: 'time_of_day', time: '23:00' } }],
          smsNode('sms', purpose),
        ],
        edges: [['late', 'next', 'sms']],
        settings: { timezone: HCM },
      });
    const fake = fakeJourneyActivities();
    const [advertising, care] = await withWorker(env, fake.activities, async (taskQueue) =>
      resultsInTurn([
        await startJourney(env, taskQueue, { plan: lateSms('advertising') }),
        await startJourney(env, taskQueue, { plan: lateSms('care') }),
      ]),
    );
    const advertisingSent = DateTime.fromMillis(timeOf(entryOf(advertising.path, 'sms:sent')), { zone: HCM });
    const lateAt = DateTime.fromMillis(timeOf(entryOf(advertising.path, 'late:elapsed')), { zone: HCM });
    expect(lateAt.toFormat('HH:mm')).toBe('23:00');
    expect(advertisingSent.toFormat('HH:mm')).toBe('07:00');
    // the next morning's 07:00 (the wait's 23:00 is when its timer fired, a few seconds late on a loaded machine)
    const held = advertisingSent.diff(lateAt, 'hours').hours;
    expect(held).toBeGreaterThan(7.9);
    expect(held).toBeLessThanOrEqual(8);
    expect(entryOf(advertising.path, 'sms:deferred')?.detail).toMatch(/^advertising_sms_window until /);
    const careSent = DateTime.fromMillis(timeOf(entryOf(care.path, 'sms:sent')), { zone: HCM });
    expect(careSent.toFormat('HH:mm')).toBe('23:00');
  });

  it('keeps the fast path cheap: trigger → send → exit is one activity and one local activity', async () => {
    const fake = fakeJourneyActivities();
    const eventTypes = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan: singleSendPlan() });
      await handle.result();
      const history = await handle.fetchHistory();
      return (history.events ?? []).map((historyEvent) => historyEvent.eventType);
    });
    const count = (type: temporal.api.enums.v1.EventType) =>
      eventTypes.filter((eventType) => eventType === type).length;
    const { EventType } = temporal.api.enums.v1;
    expect(count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)).toBe(1);
    expect(count(EventType.EVENT_TYPE_MARKER_RECORDED)).toBe(1);
    expect(count(EventType.EVENT_TYPE_TIMER_STARTED)).toBe(0);
    expect(fake.records).toHaveLength(1);
  });

  it('retries a retryable failure with backoff and the same idempotency key, then takes success', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: { sms: (_input, { attempt }) => (attempt <= 2 ? fail(SEND_ERROR_TYPES.retryable) : sent()) },
    });
    expect(result.exitReason).toBe('sent');
    expect(fake.providerCalls.map((call) => [call.attempt, call.outcome])).toEqual([
      [1, 'threw LoaRetryableError'],
      [2, 'threw LoaRetryableError'],
      [3, 'sent'],
    ]);
    expect(new Set(fake.providerCalls.map((call) => call.idempotencyKey)).size).toBe(1);
    // Backoff 1 s, then 2 s, in workflow time.
    expect(timeOf(entryOf(result.path, 'send:sent')) - timeOf(result.path[0])).toBeGreaterThanOrEqual(3000);
  });

  it('retries once after an expired token', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: {
        sms: (_input, { attempt }) => (attempt === 1 ? fail(SEND_ERROR_TYPES.tokenExpired) : sent()),
      },
    });
    expect(result.exitReason).toBe('sent');
    expect(fake.providerCalls.map((call) => call.outcome)).toEqual(['threw LoaTokenExpiredError', 'sent']);
  });

  it('waits six hours for an exhausted quota, then sends with the same key', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: {
        sms: (_input, { callsForKey, atMs }) =>
          callsForKey === 1
            ? fail(SEND_ERROR_TYPES.quotaExhausted, [{ retryAtMs: atMs + 6 * HOUR }])
            : sent(),
      },
      record: 'quota-exhausted-then-sent',
    });
    expect(outcomes(result.path)).toEqual(['send:entered', 'send:deferred', 'send:sent', 'done:exit:sent']);
    expect(entryOf(result.path, 'send:deferred')?.detail).toMatch(/^LoaQuotaExhaustedError: .* until /);
    const [first, second] = fake.providerCalls;
    expect(first.attempt).toBe(1);
    expect(second).toMatchObject({ idempotencyKey: first.idempotencyKey, outcome: 'sent' });
    expect(second.atMs - first.atMs).toBeGreaterThanOrEqual(6 * HOUR);
    expect(second.atMs - first.atMs).toBeLessThan(6 * HOUR + 60_000);
  });

  it('waits for the provider’s allowed hours, then sends with the same key', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: {
        sms: (_input, { callsForKey, atMs }) =>
          callsForKey === 1
            ? fail(SEND_ERROR_TYPES.outsideAllowedHours, [{ retryAtMs: atMs + 3 * HOUR }])
            : sent(),
      },
    });
    expect(result.exitReason).toBe('sent');
    const [first, second] = fake.providerCalls;
    expect(first.outcome).toBe('threw LoaOutsideAllowedHoursError');
    expect(second.idempotencyKey).toBe(first.idempotencyKey);
    expect(second.atMs - first.atMs).toBeGreaterThanOrEqual(3 * HOUR);
  });

  it('waits out a frequency cap (deferred) and calls again with the same key', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: {
        sms: (_input, { callsForKey, atMs }) =>
          callsForKey === 1
            ? { status: 'deferred', reason: 'frequency_cap', retryAtMs: atMs + 20 * HOUR }
            : sent(),
      },
    });
    expect(result.exitReason).toBe('sent');
    expect(entryOf(result.path, 'send:deferred')?.detail).toMatch(/^frequency_cap until /);
    const [first, second] = fake.providerCalls;
    expect(second.idempotencyKey).toBe(first.idempotencyKey);
    expect(second.atMs - first.atMs).toBeGreaterThanOrEqual(20 * HOUR);
  });

  it('waits for its send-rate turn (deferred send_rate) and calls again with the same key at that moment', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: {
        sms: (_input, { callsForKey, atMs }) =>
          callsForKey === 1 ? { status: 'deferred', reason: 'send_rate', retryAtMs: atMs + 40_000 } : sent(),
      },
    });
    expect(result.exitReason).toBe('sent');
    expect(entryOf(result.path, 'send:deferred')?.detail).toMatch(/^send_rate until /);
    const [first, second] = fake.providerCalls;
    expect(second.idempotencyKey).toBe(first.idempotencyKey);
    expect(second.atMs - first.atMs).toBeGreaterThanOrEqual(40_000);
    // The named moment, not the thrown wait errors' one-minute minimum.
    expect(second.atMs - first.atMs).toBeLessThan(60_000);
  });

  it('takes the failure handle on a permanent failure: ZNS to a phone without Zalo falls back to SMS', async () => {
    const { result, fake } = await runOne({
      plan: znsSmsFallbackPlan(),
      entryEvent: {
        id: 'evt-order-9',
        name: 'order.created',
        properties: { orderId: 'O9' },
        occurredAt: '2026-01-01T00:00:00Z',
      },
      provider: {
        zns: () => ({ status: 'failed', errorCode: '-118', errorMessage: 'Zalo account not existed' }),
      },
      record: 'zns-sms-fallback',
    });
    expect(outcomes(result.path).slice(0, 5)).toEqual([
      'zns:entered',
      'zns:failed',
      'sms:sent',
      'wait:waiting',
      'wait:elapsed',
    ]);
    expect(entryOf(result.path, 'zns:failed')?.detail).toBe('-118: Zalo account not existed');
    expect(fake.providerCalls.map((call) => `${call.channel}:${call.outcome}`)).toEqual([
      'zns:failed',
      'sms:sent',
    ]);
  });

  it('starts at a given step (a re-run of a failed send step): sends there, under its own key, and goes on', async () => {
    const fake = fakeJourneyActivities();
    const { result, workflowId, runId } = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan: znsSmsFallbackPlan(), startAt: 'sms' });
      return {
        result: await handle.result(),
        workflowId: handle.workflowId,
        runId: handle.firstExecutionRunId,
      };
    });
    expect(outcomes(result.path).slice(0, 3)).toEqual(['sms:entered', 'sms:sent', 'wait:waiting']);
    expect(fake.providerCalls.map((call) => `${call.channel} ${call.idempotencyKey}`)).toEqual([
      `sms ${workflowId}:${runId}:sms:1`,
    ]);
    expect(fake.records[0]?.entries[0]).toMatchObject({ stepId: 'sms', outcome: 'entered' });
  });

  it('fails without retrying when the step to start at is not in the plan', async () => {
    const fake = fakeJourneyActivities();
    const failure = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan: singleSendPlan(), startAt: 'gone' });
      return handle.result().then(
        () => undefined,
        (error: unknown) => error,
      );
    });
    expect(String((failure as { cause?: unknown })?.cause)).toContain('has no step gone to start at');
    expect(fake.providerCalls).toEqual([]);
  });

  it('takes the failure handle when the contact is on the do-not-contact list', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: { sms: () => ({ status: 'blocked', reason: 'do_not_contact' }) },
    });
    expect(outcomes(result.path)).toEqual(['send:entered', 'send:blocked', '$exit:failed:exit:failed']);
    expect(fake.providerCalls).toHaveLength(1);
  });

  it('takes the failure handle once retries are used up (8 attempts)', async () => {
    const { result, fake } = await runOne({
      plan: singleSendPlan(),
      provider: { sms: () => fail(SEND_ERROR_TYPES.retryable) },
    });
    expect(result.exitReason).toBe('failed');
    expect(entryOf(result.path, 'send:failed')?.detail).toBe(
      'LoaRetryableError: LoaRetryableError from the fake provider (retries exhausted)',
    );
    expect(fake.providerCalls.map((call) => call.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('splits A/B deterministically per contact and sends each variant’s message', async () => {
    const plan = abSplitPlan();
    const split = plan.steps.split as SplitStep;
    const contacts = Array.from({ length: 8 }, (_, index) => `ab-contact-${index}`);
    const fake = fakeJourneyActivities();
    const results = await withWorker(env, fake.activities, async (taskQueue) => {
      const handles = [];
      for (const contactId of contacts) handles.push(await startJourney(env, taskQueue, { plan, contactId }));
      const outcomesInTurn = await resultsInTurn(handles);
      const expectedA = contacts.findIndex(
        (contactId) => chooseVariant(split, contactId, 'split').id === 'a',
      );
      const expectedB = contacts.findIndex(
        (contactId) => chooseVariant(split, contactId, 'split').id === 'b',
      );
      await recordHistory(handles[expectedA], 'ab-split-variant-a');
      await recordHistory(handles[expectedB], 'ab-split-variant-b');
      return outcomesInTurn;
    });
    results.forEach((result, index) => {
      const variant = chooseVariant(split, contacts[index], 'split').id;
      expect(outcomes(result.path).slice(0, 3)).toEqual([
        'split:entered',
        `split:variant:${variant}`,
        variant === 'a' ? 'variantA:sent' : 'variantB:sent',
      ]);
    });
    expect(new Set(results.map((result) => result.path[1].outcome)).size).toBe(2);
  });
});

function sent(): ReturnType<ProviderBehaviour> {
  return { status: 'sent', messageId: 'msg-fake' };
}
