import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { JourneyLogEntry } from '@loa/engine';
import { DataSource } from 'typeorm';
import { JourneyRecorder } from '../journeys/journey-recorder.service';
import { journeysTestContext, seedJourney } from '../journeys/testing/journeys-test-context';

const entry = (stepId: string, outcome: string, minute: number): JourneyLogEntry => ({
  stepId,
  outcome,
  at: new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString(),
});

/** campaign_step_counts, kept by the step_events trigger, equals the step events, however often a record repeats. */
describe('step outcome counters on PostgreSQL', () => {
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

  it('counts each inserted step event once, per campaign, version, step and outcome', async () => {
    const first = await seedJourney(context);
    const second = { ...first, workflowId: `${first.workflowId}:second`, enrollmentId: randomUUID() };
    const entries = [entry('split', 'entered', 0), entry('split', 'variant:a', 0), entry('zns', 'sent', 1)];
    for (const journey of [first, second, first]) {
      await recorder.record({ journey, firstSeq: 0, entries, status: 'active', converted: false });
      await Promise.all([
        recorder.record({ journey, firstSeq: 3, entries: [entry('wait', 'waiting', 2)], status: 'active' }),
        recorder.record({ journey, firstSeq: 3, entries: [entry('wait', 'waiting', 2)], status: 'active' }),
      ]);
    }
    const counters = (await db.query(
      `SELECT step_id, outcome, sum(count)::int AS count FROM campaign_step_counts
       WHERE campaign_id = $1 GROUP BY step_id, outcome ORDER BY step_id, outcome`,
      [first.campaignId],
    )) as Array<{ step_id: string; outcome: string; count: number }>;
    const events = (await db.query(
      `SELECT s.step_id, s.outcome, count(*)::int AS count FROM step_events s
       JOIN enrollments e ON e.id = s.enrollment_id WHERE e.campaign_id = $1
       GROUP BY s.step_id, s.outcome ORDER BY s.step_id, s.outcome`,
      [first.campaignId],
    )) as typeof counters;
    expect(counters).toEqual(events);
    expect(counters).toEqual([
      { step_id: 'split', outcome: 'entered', count: 2 },
      { step_id: 'split', outcome: 'variant:a', count: 2 },
      { step_id: 'wait', outcome: 'waiting', count: 2 },
      { step_id: 'zns', outcome: 'sent', count: 2 },
    ]);
  });
});
