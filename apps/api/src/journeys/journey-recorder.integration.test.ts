import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { JourneyLogEntry, JourneyRef } from '@loa/engine';
import { DataSource } from 'typeorm';
import { JourneyRecorder } from './journey-recorder.service';
import { journeysTestContext, seedJourney } from './testing/journeys-test-context';

const entry = (stepId: string, outcome: string, minute: number, detail?: string): JourneyLogEntry => ({
  stepId,
  outcome,
  at: new Date(Date.UTC(2026, 10, 30, 9, minute)).toISOString(),
  ...(detail && { detail }),
});

describe('JourneyRecorder (recordJourney) on PostgreSQL', () => {
  let context: INestApplicationContext;
  let recorder: JourneyRecorder;
  let db: DataSource;

  beforeAll(async () => {
    context = await journeysTestContext();
    recorder = context.get(JourneyRecorder);
    db = context.get(DataSource);
  });

  afterAll(async () => {
    await context?.close();
  });

  async function enrollmentsOf(journey: JourneyRef) {
    return (await db.query(
      `SELECT id, run_id, campaign_id, version_id, contact_id, entry_key, status, current_step, exit_reason,
         converted, logged, entered_at, exited_at
       FROM enrollments WHERE workflow_id = $1 ORDER BY entered_at`,
      [journey.workflowId],
    )) as Array<Record<string, unknown>>;
  }

  async function stepEventsOf(enrollmentId: unknown) {
    return (await db.query(
      'SELECT seq, step_id, outcome, at, detail FROM step_events WHERE enrollment_id = $1 ORDER BY seq',
      [enrollmentId],
    )) as Array<{ seq: number; step_id: string; outcome: string; at: Date; detail: string | null }>;
  }

  const first = [entry('wait1h', 'entered', 0), entry('wait1h', 'waiting', 0)];
  const second = [
    entry('wait1h', 'elapsed', 60),
    entry('sms', 'sent', 60, 'msg-1'),
    entry('goal', 'converted', 61),
  ];
  const last = [entry('done', 'exit:completed', 62)];

  it('stores the enrollment and its step events; recording the same entries again adds nothing', async () => {
    const journey = await seedJourney(context);
    await recorder.record({ journey, firstSeq: 0, entries: first, status: 'active', converted: false });
    await recorder.record({ journey, firstSeq: 0, entries: first, status: 'active', converted: false });
    await recorder.record({ journey, firstSeq: 2, entries: second, status: 'active', converted: true });
    await recorder.record({ journey, firstSeq: 2, entries: second, status: 'active', converted: true });
    await recorder.record({
      journey,
      firstSeq: 5,
      entries: last,
      status: 'exited',
      exitReason: 'completed',
      converted: true,
    });
    await recorder.record({
      journey,
      firstSeq: 5,
      entries: last,
      status: 'exited',
      exitReason: 'completed',
      converted: true,
    });

    const [enrollment, ...others] = await enrollmentsOf(journey);
    expect(others).toEqual([]);
    expect(enrollment).toMatchObject({
      run_id: journey.enrollmentId,
      campaign_id: journey.campaignId,
      version_id: 'v1',
      contact_id: journey.contactId,
      entry_key: 'once',
      status: 'exited',
      current_step: 'done',
      exit_reason: 'completed',
      converted: true,
      logged: 6,
      entered_at: new Date(first[0]!.at),
      exited_at: new Date(last[0]!.at),
    });
    const events = await stepEventsOf(enrollment!.id);
    expect(events.map((event) => [event.seq, event.step_id, event.outcome, event.detail])).toEqual([
      [0, 'wait1h', 'entered', null],
      [1, 'wait1h', 'waiting', null],
      [2, 'wait1h', 'elapsed', null],
      [3, 'sms', 'sent', 'msg-1'],
      [4, 'goal', 'converted', null],
      [5, 'done', 'exit:completed', null],
    ]);
    expect(events[3]!.at).toEqual(new Date(second[1]!.at));
  });

  it('keeps the newest state when an earlier record is retried late, and an exited enrollment exited', async () => {
    const journey = await seedJourney(context);
    await recorder.record({ journey, firstSeq: 0, entries: first, status: 'active' });
    await recorder.record({ journey, firstSeq: 2, entries: second, status: 'active', converted: true });
    await recorder.record({ journey, firstSeq: 0, entries: first, status: 'active', converted: false });
    expect(await enrollmentsOf(journey)).toEqual([
      expect.objectContaining({ status: 'active', current_step: 'goal', converted: true, logged: 5 }),
    ]);
    await recorder.record({ journey, firstSeq: 5, entries: last, status: 'exited', exitReason: 'stopped' });
    await recorder.record({ journey, firstSeq: 2, entries: second, status: 'active', converted: true });
    const [enrollment] = await enrollmentsOf(journey);
    expect(enrollment).toMatchObject({
      status: 'exited',
      exit_reason: 'stopped',
      current_step: 'done',
      logged: 6,
    });
    expect(await stepEventsOf(enrollment!.id)).toHaveLength(6);
  });

  it('keeps entries that were put back after a failed record and sent again with later ones', async () => {
    const journey = await seedJourney(context);
    await recorder.record({ journey, firstSeq: 0, entries: first, status: 'active' });
    // The workflow could not record `second`; it sends it again with the exit.
    await recorder.record({
      journey,
      firstSeq: 2,
      entries: [...second, ...last],
      status: 'exited',
      exitReason: 'completed',
    });
    const [enrollment] = await enrollmentsOf(journey);
    expect((await stepEventsOf(enrollment!.id)).map((event) => event.seq)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('tells apart two enrollments of one workflow id (re-entry after exit)', async () => {
    const journey = await seedJourney(context);
    const again = { ...journey, enrollmentId: randomUUID() };
    await recorder.record({
      journey,
      firstSeq: 0,
      entries: [...first, ...last],
      status: 'exited',
      exitReason: 'completed',
    });
    const reentry = [entry('wait1h', 'entered', 90), entry('wait1h', 'waiting', 90)];
    await recorder.record({ journey: again, firstSeq: 0, entries: reentry, status: 'active' });
    const enrollments = await enrollmentsOf(journey);
    expect(enrollments.map((row) => [row.run_id, row.status])).toEqual([
      [journey.enrollmentId, 'exited'],
      [again.enrollmentId, 'active'],
    ]);
    expect(await stepEventsOf(enrollments[1]!.id)).toHaveLength(2);
  });

  it('records a journey whose contact was erased meanwhile, and an exit with nothing new to log', async () => {
    const journey = { ...(await seedJourney(context)), contactId: randomUUID() };
    await recorder.record({ journey, firstSeq: 0, entries: first, status: 'active' });
    await recorder.record({ journey, firstSeq: 2, entries: [], status: 'exited', exitReason: 'stopped' });
    expect(await enrollmentsOf(journey)).toEqual([
      expect.objectContaining({
        status: 'exited',
        exit_reason: 'stopped',
        current_step: 'wait1h',
        logged: 2,
      }),
    ]);
  });

  it('records a batch of journeys (a cohort) as each alone would be: new, moving on, retried late, exited', async () => {
    const [fresh, moving, late, exiting] = await Promise.all(
      [0, 1, 2, 3].map(async () => ({
        ...(await seedJourney(context)),
        cohortWorkflowId: `cohort:${randomUUID()}`,
      })),
    );
    await recorder.record({ journey: moving!, firstSeq: 0, entries: first, status: 'active' });
    await recorder.record({ journey: late!, firstSeq: 0, entries: first, status: 'active' });
    await recorder.record({
      journey: late!,
      firstSeq: 2,
      entries: second,
      status: 'active',
      converted: true,
    });
    await recorder.record({
      journey: exiting!,
      firstSeq: 0,
      entries: [...first, ...second],
      status: 'active',
    });
    await recorder.recordMany([
      { journey: fresh!, firstSeq: 0, entries: first, status: 'active' },
      { journey: moving!, firstSeq: 2, entries: second, status: 'active', converted: true },
      { journey: late!, firstSeq: 0, entries: first, status: 'active', converted: false },
      { journey: exiting!, firstSeq: 5, entries: last, status: 'exited', exitReason: 'completed' },
    ]);
    const [freshRow] = await enrollmentsOf(fresh!);
    expect(freshRow).toMatchObject({ status: 'active', current_step: 'wait1h', logged: 2 });
    expect(await stepEventsOf(freshRow!.id)).toHaveLength(2);
    const [movingRow] = await enrollmentsOf(moving!);
    expect(movingRow).toMatchObject({ status: 'active', current_step: 'goal', converted: true, logged: 5 });
    expect((await stepEventsOf(movingRow!.id)).map((event) => event.outcome)).toEqual([
      'entered',
      'waiting',
      'elapsed',
      'sent',
      'converted',
    ]);
    // A late retry of an earlier record changes nothing.
    expect(await enrollmentsOf(late!)).toEqual([
      expect.objectContaining({ current_step: 'goal', converted: true, logged: 5 }),
    ]);
    const [exitedRow] = await enrollmentsOf(exiting!);
    expect(exitedRow).toMatchObject({ status: 'exited', exit_reason: 'completed', logged: 6 });
    expect(exitedRow!.exited_at).toEqual(new Date(last[0]!.at));
    const cohorts = (await db.query(
      'SELECT workflow_id, cohort_workflow_id FROM enrollments WHERE workflow_id = ANY($1::text[])',
      [[fresh!.workflowId]],
    )) as Array<{ cohort_workflow_id: string }>;
    expect(cohorts[0]!.cohort_workflow_id).toBe(fresh!.cohortWorkflowId);
  });
});
