import { connectDevServerEnvironment, waitFor } from '@loa/testing';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CohortJourneyInput } from '../journey/cohort-contract';
import type { JourneyActivities } from '../journey/journey-contract';
import { cohortEventSignal, cohortMemberStatusQuery } from './cohort-messages';
import type { JourneyContinuation } from './journey-continuation';
import { fakeJourneyActivities } from './testing/fake-journey-activities';
import { outcomes, startCohort, withWorker } from './testing/journey-test-kit';
import { recordHistory } from './testing/record-history';
import { waitForPaymentPlan } from './testing/test-plans';

/** The path of a contact whose payment never came. */
const NOT_PAID_PATH = [
  'remind:entered',
  'remind:sent',
  'paid:waiting',
  'paid:timeout',
  'lastCall:sent',
  'gaveUp:exit:not_paid',
];

/** Each contact's recorded path, `stepId:outcome`, in the order recorded. */
function recordedPaths(records: Array<Parameters<JourneyActivities['recordJourney']>[0]>) {
  const paths = new Map<string, string[]>();
  for (const record of records)
    paths.set(record.journey.contactId, [
      ...(paths.get(record.journey.contactId) ?? []),
      ...record.entries.map((entry) => `${entry.stepId}:${entry.outcome}`),
    ]);
  return paths;
}

/**
 * A cohort continuing as new on the Temporal dev server (real time, the server's own handling of signals that come
 * while a run hands over).
 */
describe('cohortJourney continuing as new, on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectDevServerEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('continues as new when its history grows, carrying every running journey: paths, sends, records and counts as without it', async () => {
    // A minute's wait: real time on the dev server.
    const plan = waitForPaymentPlan({ amount: 1, unit: 'minutes' });
    const contactIds = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const paid = (contactId: string) => ({
      contactId,
      event: {
        id: `evt-${contactId}`,
        name: 'order.paid',
        properties: {},
        occurredAt: new Date().toISOString(),
      },
    });
    const fake = fakeJourneyActivities();
    const { result, handOvers, statusAfterContinuing } = await withWorker(
      env,
      fake.activities,
      async (taskQueue) => {
        // One event into a run: every run hands over at its second activation, i.e. after every step, at every
        // wait's end and at every signal (the first activation of each run resumes its journeys).
        const handle = await startCohort(env, taskQueue, { plan, contactIds, continueAfterHistoryEvents: 1 });
        // Only what the activities recorded is watched meanwhile (no queries while the runs hand over).
        const recorded = (contactId: string, outcome: string) =>
          waitFor(`${contactId} ${outcome}`, async () => {
            const entries = fake.records.filter((record) => record.journey.contactId === contactId);
            if (!entries.some((record) => record.entries.some((entry) => entry.outcome === outcome)))
              throw new Error('not yet');
          });
        // Idle, its members waiting: the latest run has nothing in flight and its last event is their wait's timer.
        // A signal then comes in a run's later activation, when the cohort hands over.
        const idle = () =>
          waitFor('the cohort waits for payments', async () => {
            const latest = env.client.workflow.getHandle(handle.workflowId);
            const [{ events }, description] = await Promise.all([latest.fetchHistory(), latest.describe()]);
            const inFlight = description.raw.pendingActivities?.length ?? 0;
            if (inFlight > 0 || !events?.at(-1)?.timerStartedEventAttributes) throw new Error('not yet');
          });
        for (const contactId of ['n2', 'n3']) {
          await idle();
          await handle.signal(cohortEventSignal, paid(contactId));
          await recorded(contactId, 'exit:paid');
        }
        const progress = await handle.result();
        // The last run answers for its members, with the path they took in earlier runs.
        const status = await handle.query(cohortMemberStatusQuery, 'n1');
        // The chain of runs, each history ending with the next run's input.
        const runs: Array<{ runId: string; next?: CohortJourneyInput }> = [];
        for (let runId: string | undefined = handle.firstExecutionRunId; runId !== undefined;) {
          const history: temporal.api.history.v1.IHistory = await env.client.workflow
            .getHandle(handle.workflowId, runId)
            .fetchHistory();
          const continued = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes;
          const data = continued?.input?.payloads?.[0]?.data;
          runs.push({
            runId,
            ...(data && { next: JSON.parse(new TextDecoder().decode(data)) as CohortJourneyInput }),
          });
          runId = continued?.newExecutionRunId ?? undefined;
        }
        await recordHistory(
          env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId),
          'cohort-continued-as-new',
        );
        await recordHistory(
          env.client.workflow.getHandle(handle.workflowId, runs[1]?.runId),
          'cohort-continued-run',
        );
        return {
          result: progress,
          handOvers: runs.flatMap((run) => (run.next ? [run.next] : [])),
          statusAfterContinuing: status,
        };
      },
    );

    expect(handOvers.length).toBeGreaterThanOrEqual(5);
    for (const next of handOvers) {
      // Each run carries exactly its running journeys; the others are in its counts.
      const earlier = next.continued?.earlier;
      expect(Object.keys(next.continued?.journeys ?? {}).sort()).toEqual([...next.contactIds].sort());
      expect(earlier?.contacts).toBe(5);
      expect((earlier?.exited ?? 0) + (earlier?.failed ?? 0) + next.contactIds.length).toBe(5);
    }
    // n3's payment came while the cohort was handing over: n3 parked in its wait with the event not taken yet, and
    // its next run took it; n1, waiting too, carried no event.
    const withPayment = handOvers.find((next) => {
      const n3 = next.continued?.journeys.n3 as JourneyContinuation | undefined;
      return n3?.buffer.some((item) => item.event.id === 'evt-n3');
    });
    expect((withPayment?.continued?.journeys.n3 as JourneyContinuation | undefined)?.wait).toBeDefined();
    expect((withPayment?.continued?.journeys.n1 as JourneyContinuation | undefined)?.buffer).toEqual([]);
    expect(result).toMatchObject({
      contacts: 5,
      running: 0,
      exited: 5,
      failed: 0,
      exitReasons: { paid: 2, not_paid: 3 },
    });
    expect(statusAfterContinuing).toMatchObject({ status: 'exited', exitReason: 'not_paid' });
    expect(outcomes(statusAfterContinuing?.path ?? [])).toEqual(NOT_PAID_PATH);
    const paths = recordedPaths(fake.records);
    for (const contactId of ['n2', 'n3'])
      expect(paths.get(contactId)).toEqual([
        'remind:entered',
        'remind:sent',
        'paid:waiting',
        'paid:matched',
        'thanks:exit:paid',
      ]);
    for (const contactId of ['n1', 'n4', 'n5']) expect(paths.get(contactId)).toEqual(NOT_PAID_PATH);
    // Every entry recorded once, at its own position; every send once, under the key it has without continuing.
    for (const contactId of contactIds) {
      const records = fake.records.filter((record) => record.journey.contactId === contactId);
      const positions = records.flatMap((record) =>
        record.entries.map((_, index) => record.firstSeq + index),
      );
      expect(positions).toEqual([...positions.keys()]);
      expect(new Set(records.map((record) => record.journey.enrollmentId)).size).toBe(1);
    }
    const sends = fake.sent();
    expect(sends.filter((call) => call.stepId === 'remind')).toHaveLength(5);
    expect(sends.filter((call) => call.stepId === 'lastCall')).toHaveLength(3);
    expect(new Set(sends.map((call) => call.idempotencyKey)).size).toBe(sends.length);
  });
});
