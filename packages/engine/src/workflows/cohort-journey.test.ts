import { clearOfTimers, connectTimeSkippingEnvironment, signalClearOfTimers, waitFor } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { CampaignState, JourneyLogEntry } from '../journey/journey-contract';
import { SEND_ERROR_TYPES } from '../journey/journey-contract';
import { BATCH_ITEM_NOT_STARTED } from '../journey/cohort-contract';
import { campaignStateSignal } from './journey-messages';
import {
  cohortEventSignal,
  cohortMemberStateSignal,
  cohortMemberStatusQuery,
  cohortProgressQuery,
} from './cohort-messages';
import { journeyBatchActivity } from '../journey/journey-batch-activity';
import { fakeJourneyActivities, type FakeContact } from './testing/fake-journey-activities';
import { resultsInTurn, startCohort, startJourney, withWorker } from './testing/journey-test-kit';
import { planOf, waitForPaymentPlan, welcomeSeriesPlan, znsNode } from './testing/test-plans';
import { recordHistory } from './testing/record-history';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * A contact's recorded path as `stepId:outcome@minutes after entry`, comparable between runs that began at other
 * times (workflow time also moves by the milliseconds activities take).
 */
function relativePaths(entries: Array<{ contactId: string; entries: JourneyLogEntry[] }>) {
  const byContact = new Map<string, JourneyLogEntry[]>();
  for (const record of entries)
    byContact.set(record.contactId, [...(byContact.get(record.contactId) ?? []), ...record.entries]);
  return new Map(
    [...byContact].map(([contactId, path]) => {
      const entryMs = Date.parse(path[0].at);
      return [
        contactId,
        path.map(
          (entry) =>
            `${entry.stepId}:${entry.outcome}@${Math.round((Date.parse(entry.at) - entryMs) / 60_000)}`,
        ),
      ];
    }),
  );
}

const recordsOf = (fake: ReturnType<typeof fakeJourneyActivities>) =>
  fake.records.map((record) => ({ contactId: record.journey.contactId, entries: record.entries }));

describe('cohortJourney on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('gives every contact the path its own journey gives, in a history that grows per page, not per contact', async () => {
    const contactIds = Array.from({ length: 150 }, (_, index) => `c${String(index).padStart(3, '0')}`);
    const contacts: Record<string, FakeContact> = Object.fromEntries(
      contactIds.map((id, index) => [id, { attributes: {}, tags: index % 3 === 0 ? ['vip'] : [] }]),
    );
    // Every seventh welcome ZNS fails for good (no failure edge: the journey ends there).
    const provider = {
      zns: (input: { journey: { contactId: string } }) =>
        Number(input.journey.contactId.slice(1)) % 7 === 0
          ? { status: 'failed' as const, errorCode: '-124', errorMessage: 'not a Zalo user' }
          : { status: 'sent' as const, messageId: `zns-${input.journey.contactId}` },
    };
    const plan = welcomeSeriesPlan();

    const alone = fakeJourneyActivities({ contacts, provider });
    const compared = contactIds.slice(0, 9);
    await withWorker(env, alone.activities, async (taskQueue) => {
      const handles = [];
      for (const contactId of compared) handles.push(await startJourney(env, taskQueue, { plan, contactId }));
      await resultsInTurn(handles);
    });

    const together = fakeJourneyActivities({ contacts, provider });
    const { progress, historyEvents } = await withWorker(env, together.activities, async (taskQueue) => {
      const handle = await startCohort(env, taskQueue, { plan, contactIds });
      const result = await handle.result();
      const events = (await handle.fetchHistory()).events ?? [];
      return { progress: result, historyEvents: events.length };
    });

    const pathsAlone = relativePaths(recordsOf(alone));
    const pathsTogether = relativePaths(recordsOf(together));
    for (const contactId of compared) expect(pathsTogether.get(contactId)).toEqual(pathsAlone.get(contactId));
    expect(pathsTogether.get('c003')).toEqual([
      'welcome:entered@0',
      'welcome:sent@0',
      'wait3d:waiting@0',
      `wait3d:elapsed@${3 * DAY}`,
      `isVip:yes@${3 * DAY}`,
      `vipOffer:sent@${3 * DAY}`,
      `wait2d:waiting@${3 * DAY}`,
      `wait2d:elapsed@${5 * DAY}`,
      `done:exit:welcomed@${5 * DAY}`,
    ]);
    const failed = contactIds.filter((_, index) => index % 7 === 0).length;
    expect(progress).toMatchObject({
      contacts: 150,
      running: 0,
      exited: 150,
      exitReasons: { welcomed: 150 - failed, failed },
    });
    // One provider call per contact and step; each step's sends went out in one batch.
    expect(together.sent()).toHaveLength(2 * (150 - failed));
    expect(together.providerCalls).toHaveLength(150 + (150 - failed));
    expect(new Set(together.sent().map((call) => call.idempotencyKey)).size).toBe(together.sent().length);
    expect(progress.batches).toBeLessThanOrEqual(12);
    expect(progress.batchedCalls).toBeGreaterThan(600);
    // Per batch and per distinct wake-up time, not per contact: about 90 events here (each journey alone writes 30).
    expect(historyEvents).toBeLessThan(120);
  });

  it('lets a contact whose event comes go on alone, while the others wait out their timeout together', async () => {
    const plan = waitForPaymentPlan();
    const contactIds = ['k1', 'k2', 'k3', 'k4'];
    const fake = fakeJourneyActivities();
    await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startCohort(env, taskQueue, { plan, contactIds });
      await waitFor('every member waits for its payment', async () => {
        const statuses = await Promise.all(contactIds.map((id) => handle.query(cohortMemberStatusQuery, id)));
        if (!statuses.every((status) => status?.waitingFor?.kind === 'event')) throw new Error('not yet');
      });
      expect(await handle.query(cohortMemberStatusQuery, 'someone-else')).toBeNull();
      await env.sleep(2 * HOUR_MS);
      await signalClearOfTimers(env, handle, cohortEventSignal, {
        contactId: 'k2',
        event: { id: 'evt-paid', name: 'order.paid', properties: {}, occurredAt: new Date().toISOString() },
      });
      await waitFor('k2 has left', async () => {
        const status = await handle.query(cohortMemberStatusQuery, 'k2');
        if (status?.status !== 'exited') throw new Error(JSON.stringify(status));
        expect(status.exitReason).toBe('paid');
      });
      // The others are still waiting, on one shared timer.
      expect((await handle.query(cohortProgressQuery)).running).toBe(3);
      const result = await handle.result();
      expect(result.exitReasons).toEqual({ paid: 1, not_paid: 3 });
      await recordHistory(handle, 'cohort-event-lets-one-go-on');
      const history = await handle.fetchHistory();
      const timers = history.events?.filter((event) => event.timerStartedEventAttributes) ?? [];
      expect(timers).toHaveLength(1);
    });
    const paths = relativePaths(recordsOf(fake));
    expect(paths.get('k2')).toEqual([
      'remind:entered@0',
      'remind:sent@0',
      'paid:waiting@0',
      `paid:matched@${2 * HOUR}`,
      `thanks:exit:paid@${2 * HOUR}`,
    ]);
    expect(paths.get('k3')).toEqual([
      'remind:entered@0',
      'remind:sent@0',
      'paid:waiting@0',
      `paid:timeout@${DAY}`,
      `lastCall:sent@${DAY}`,
      `gaveUp:exit:not_paid@${DAY}`,
    ]);
    expect(fake.sent().filter((call) => call.stepId === 'lastCall')).toHaveLength(3);
  });

  it('cancels one member alone; pause holds every member at its next send until resume', async () => {
    const plan = waitForPaymentPlan();
    let campaignState: CampaignState = 'active';
    const fake = fakeJourneyActivities({ campaignState: () => campaignState });
    await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startCohort(env, taskQueue, { plan, contactIds: ['p1', 'p2', 'p3'] });
      await waitFor('p1 waits', async () => {
        const status = await handle.query(cohortMemberStatusQuery, 'p1');
        if (status?.waitingFor?.kind !== 'event') throw new Error('not yet');
      });
      await signalClearOfTimers(env, handle, cohortMemberStateSignal, { contactId: 'p1', state: 'stopped' });
      await clearOfTimers(env, handle);
      campaignState = 'paused';
      await handle.signal(campaignStateSignal, 'paused');
      await env.sleep(DAY_MS + HOUR_MS);
      await waitFor('p2 is held at its send', async () => {
        const status = await handle.query(cohortMemberStatusQuery, 'p2');
        if (status?.waitingFor?.kind !== 'paused') throw new Error(JSON.stringify(status));
      });
      expect(fake.sent().filter((call) => call.stepId === 'lastCall')).toHaveLength(0);
      // Resuming reaches every member but the one that was cancelled.
      await clearOfTimers(env, handle);
      campaignState = 'active';
      await handle.signal(campaignStateSignal, 'active');
      const result = await handle.result();
      expect(result.exitReasons).toEqual({ stopped: 1, not_paid: 2 });
      await recordHistory(handle, 'cohort-member-cancelled-paused-resumed');
    });
    expect(fake.sent().filter((call) => call.stepId === 'lastCall')).toHaveLength(2);
  });

  it('retries one contact’s failed send with its own backoff while the others go on, and waits out a used-up quota', async () => {
    const plan = planOf({
      nodes: [
        znsNode('zns'),
        ['done', 'flow.exit', { reason: 'sent' }],
        ['failed', 'flow.exit', { reason: 'failed' }],
      ],
      edges: [
        ['zns', 'success', 'done'],
        ['zns', 'failure', 'failed'],
      ],
    });
    const fake = fakeJourneyActivities({
      provider: {
        zns: (input, call) => {
          const contactId = input.journey.contactId;
          if (contactId === 'flaky' && call.callsForKey <= 2)
            throw ApplicationFailure.create({ type: SEND_ERROR_TYPES.retryable, message: 'HTTP 503' });
          if (contactId === 'broken')
            throw ApplicationFailure.create({ type: SEND_ERROR_TYPES.retryable, message: 'HTTP 503' });
          if (contactId === 'over-quota' && call.callsForKey === 1)
            throw ApplicationFailure.create({
              type: SEND_ERROR_TYPES.quotaExhausted,
              message: 'quota used up',
              details: [{ retryAtMs: call.atMs + 6 * HOUR_MS }],
            });
          return { status: 'sent', messageId: `zns-${contactId}` };
        },
      },
    });
    await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startCohort(env, taskQueue, {
        plan,
        contactIds: ['fine', 'flaky', 'broken', 'over-quota'],
      });
      const result = await handle.result();
      expect(result.exitReasons).toEqual({ sent: 3, failed: 1 });
      await recordHistory(handle, 'cohort-item-retries-and-quota');
    });
    const calls = (contactId: string) =>
      fake.providerCalls.filter((call) => call.idempotencyKey.includes(`:${contactId}:`));
    expect(calls('fine').map((call) => call.outcome)).toEqual(['sent']);
    expect(calls('flaky').map((call) => call.outcome)).toEqual([
      `threw ${SEND_ERROR_TYPES.retryable}`,
      `threw ${SEND_ERROR_TYPES.retryable}`,
      'sent',
    ]);
    // Backing off 1 s then 2 s, as its own activity's retry policy would.
    const [first, second, third] = calls('flaky').map((call) => call.atMs);
    expect(second - first).toBeGreaterThanOrEqual(1000);
    expect(second - first).toBeLessThan(2000);
    expect(third - second).toBeGreaterThanOrEqual(2000);
    expect(third - second).toBeLessThan(4000);
    // The retry policy's eight attempts, then the failure handle.
    expect(calls('broken')).toHaveLength(8);
    const brokenPath = fake.recordedEntries().filter((entry) => entry.detail?.includes('retries exhausted'));
    expect(brokenPath.map((entry) => entry.outcome)).toEqual(['failed']);
    const quota = calls('over-quota');
    expect(quota.map((call) => call.outcome)).toEqual([`threw ${SEND_ERROR_TYPES.quotaExhausted}`, 'sent']);
    expect(Math.round((quota[1].atMs - quota[0].atMs) / 60_000)).toBe(6 * HOUR);
  });

  it('runs a batch again after it died half way, and sends nothing twice', async () => {
    const plan = planOf({
      nodes: [znsNode('zns'), ['done', 'flow.exit', { reason: 'sent' }]],
      edges: [['zns', 'success', 'done']],
    });
    const contactIds = Array.from({ length: 40 }, (_, index) => `d${index}`);
    const fake = fakeJourneyActivities();
    const batches = journeyBatchActivity(fake.activities);
    let died = false;
    const performJourneyBatch: typeof batches.performJourneyBatch = async (input) => {
      if (input.activity === 'sendZns' && !died) {
        died = true;
        // Half of the batch reaches the provider, then the worker is gone.
        await batches.performJourneyBatch({ ...input, items: input.items.slice(0, 20) });
        throw new Error('worker lost');
      }
      return batches.performJourneyBatch(input);
    };
    await withWorker(env, { ...fake.activities, performJourneyBatch }, async (taskQueue) => {
      const result = await (await startCohort(env, taskQueue, { plan, contactIds })).result();
      expect(result.exitReasons).toEqual({ sent: 40 });
    });
    expect(died).toBe(true);
    expect(fake.providerCalls).toHaveLength(40);
    expect(new Set(fake.providerCalls.map((call) => call.idempotencyKey)).size).toBe(40);
  });

  it('calls an HTTP step once per contact: items its batch had no time left for go in the next batch', async () => {
    const plan = planOf({
      nodes: [
        ['hook', 'http.request', { method: 'POST', url: 'https://crm.example.vn/hook', timeoutSeconds: 30 }],
        ['done', 'flow.exit', { reason: 'called' }],
      ],
      edges: [['hook', 'success', 'done']],
    });
    const contactIds = Array.from({ length: 7 }, (_, index) => `h${index}`);
    const fake = fakeJourneyActivities();
    const called: string[] = [];
    let clock = 0;
    const activities = {
      ...fake.activities,
      async callHttp(input: { journey: { contactId: string } }) {
        called.push(input.journey.contactId);
        clock += 40_000; // a slow webhook: 40 s a call
        return { success: true, status: 200 };
      },
    };
    // A 5-minute batch, one call at a time: five calls fit, the sixth could run past the batch's limit.
    const batches = journeyBatchActivity(activities, {
      concurrency: 1,
      timeLimitMs: () => 300_000,
      now: () => clock,
    });
    const httpBatches: number[] = [];
    const performJourneyBatch: typeof batches.performJourneyBatch = async (input) => {
      if (input.activity === 'callHttp') httpBatches.push(input.items.length);
      return batches.performJourneyBatch(input);
    };
    await withWorker(env, { ...activities, performJourneyBatch }, async (taskQueue) => {
      const result = await (await startCohort(env, taskQueue, { plan, contactIds })).result();
      expect(result.exitReasons).toEqual({ called: 7 });
    });
    expect(httpBatches).toEqual([7, 2]);
    expect([...called].sort()).toEqual(contactIds);
  });

  it('does not count an item its batch did not start as an attempt, nor wait before sending it again', async () => {
    const plan = planOf({
      nodes: [znsNode('zns'), ['done', 'flow.exit', { reason: 'sent' }]],
      edges: [['zns', 'success', 'done']],
    });
    const fake = fakeJourneyActivities();
    const batches = journeyBatchActivity(fake.activities);
    // More times than the send's retry policy has attempts (8).
    let notStarted = 12;
    const performJourneyBatch: typeof batches.performJourneyBatch = async (input) => {
      if (input.activity !== 'sendZns' || notStarted === 0) return batches.performJourneyBatch(input);
      notStarted -= 1;
      return input.items.map(() => ({
        error: { type: BATCH_ITEM_NOT_STARTED, message: 'no time left', nonRetryable: false },
      }));
    };
    const startedAt = await withWorker(
      env,
      { ...fake.activities, performJourneyBatch },
      async (taskQueue) => {
        const handle = await startCohort(env, taskQueue, { plan, contactIds: ['s1'] });
        expect((await handle.result()).exitReasons).toEqual({ sent: 1 });
        return (await handle.describe()).startTime.getTime();
      },
    );
    expect(notStarted).toBe(0);
    expect(fake.providerCalls).toHaveLength(1);
    // Sent again at once each time: no retry backoff (1 s, 2 s, 4 s …) on the workflow clock.
    expect((fake.providerCalls[0]?.atMs ?? 0) - startedAt).toBeLessThan(60_000);
  });

  it("waits as long as a failed item asks (nextRetryDelay, e.g. a provider's Retry-After) before trying it again", async () => {
    const plan = planOf({
      nodes: [znsNode('zns'), ['done', 'flow.exit', { reason: 'sent' }]],
      edges: [['zns', 'success', 'done']],
    });
    const fake = fakeJourneyActivities({
      provider: {
        zns: (input, call) => {
          if (call.callsForKey === 1)
            throw ApplicationFailure.create({
              type: SEND_ERROR_TYPES.retryable,
              message: 'HTTP 429',
              nextRetryDelay: 90_000,
            });
          return { status: 'sent', messageId: `zns-${input.journey.contactId}` };
        },
      },
    });
    await withWorker(env, fake.activities, async (taskQueue) => {
      const result = await (await startCohort(env, taskQueue, { plan, contactIds: ['r1'] })).result();
      expect(result.exitReasons).toEqual({ sent: 1 });
    });
    const [first, second] = fake.providerCalls.map((call) => call.atMs);
    expect(second! - first!).toBeGreaterThanOrEqual(90_000);
    expect(second! - first!).toBeLessThan(95_000);
  });

  it('lets one member whose journey cannot be recorded fail alone; the others finish', async () => {
    const plan = planOf({
      nodes: [znsNode('zns'), ['done', 'flow.exit', { reason: 'sent' }]],
      edges: [['zns', 'success', 'done']],
    });
    const fake = fakeJourneyActivities();
    const recordJourney: typeof fake.activities.recordJourney = async (input) => {
      if (input.journey.contactId === 'unrecordable')
        throw ApplicationFailure.create({ type: 'LoaNoSuchEnrollment', message: 'gone', nonRetryable: true });
      return fake.activities.recordJourney(input);
    };
    await withWorker(env, { ...fake.activities, recordJourney }, async (taskQueue) => {
      const handle = await startCohort(env, taskQueue, { plan, contactIds: ['f1', 'unrecordable', 'f2'] });
      expect(await handle.result()).toMatchObject({ contacts: 3, exited: 2, failed: 1, running: 0 });
    });
    expect(fake.sent()).toHaveLength(3);
  });

  it('is cancelled as a whole: its members stop waiting and the workflow ends cancelled', async () => {
    const fake = fakeJourneyActivities();
    await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startCohort(env, taskQueue, {
        plan: waitForPaymentPlan(),
        contactIds: ['x1', 'x2'],
      });
      await waitFor('x1 waits', async () => {
        const status = await handle.query(cohortMemberStatusQuery, 'x1');
        if (status?.waitingFor?.kind !== 'event') throw new Error('not yet');
      });
      await handle.cancel();
      await expect(handle.result()).rejects.toThrow('Workflow execution cancelled');
      expect((await handle.describe()).status.name).toBe('CANCELLED');
    });
    expect(fake.sent().filter((call) => call.stepId === 'lastCall')).toHaveLength(0);
  });

  it('refuses a cohort without contacts or with a contact twice', async () => {
    const fake = fakeJourneyActivities();
    await withWorker(env, fake.activities, async (taskQueue) => {
      for (const contactIds of [[], ['a', 'a']]) {
        const handle = await startCohort(env, taskQueue, { plan: waitForPaymentPlan(), contactIds });
        await expect(handle.result()).rejects.toThrow('Workflow execution failed');
      }
    });
    expect(fake.providerCalls).toHaveLength(0);
  });
});
