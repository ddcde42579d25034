import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { JourneyLogEntry } from '@loa/engine';
import { DataSource } from 'typeorm';
import { JourneyRecorder } from '../journeys/journey-recorder.service';
import { journeysTestContext, seedJourney } from '../journeys/testing/journeys-test-context';
import { conversionCount } from './conversion-count.query';
import { nodeReport } from './node-report.query';
import type { ReportScope } from './report-scope';

const entry = (stepId: string, outcome: string, minute: number, hour = 9): JourneyLogEntry => ({
  stepId,
  outcome,
  at: new Date(Date.UTC(2026, 11, 1, hour, minute)).toISOString(),
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

  it('answers a window of whole hours, by the hour each journey entered, as the step events do', async () => {
    const first = await seedJourney(context);
    for (let index = 0; index < 12; index += 1) {
      const journey = { ...first, workflowId: `${first.workflowId}:${index}`, enrollmentId: randomUUID() };
      const hour = 8 + (index % 6);
      const converted = index % 4 === 0;
      const entries = [
        entry('split', 'entered', 10 + index, hour),
        entry('split', index % 2 === 0 ? 'variant:a' : 'variant:b', 10 + index, hour),
        entry('zns', index % 3 === 0 ? 'failed' : 'sent', 11 + index, hour),
        ...(converted ? [entry('goal', 'converted', 30, hour + 1)] : []),
      ];
      await recorder.record({ journey, firstSeq: 0, entries, status: 'active', converted });
    }
    const scope: ReportScope = {
      workspaceId: first.workspaceId,
      campaignId: first.campaignId,
      version: null,
      versionId: null,
      from: null,
      to: null,
    };
    const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));
    for (const window of [
      { from: at(9), to: at(12) },
      { from: at(11), to: null },
      { from: null, to: at(10) },
    ]) {
      const counted = { ...scope, ...window };
      // The same window a millisecond later at its start: no journey entered then, and only the events can answer it
      const fromEvents = { ...counted, from: new Date((counted.from ?? at(0)).getTime() - 1) };
      const figures = async (of: ReportScope) => ({
        nodes: (await nodeReport(db.manager, of)).nodes,
        conversions: await conversionCount(db.manager, of),
      });
      const answer = await figures(counted);
      expect(answer).toEqual(await figures(fromEvents));
      expect(answer.nodes.length).toBeGreaterThan(0);
    }
    // Of the journeys that entered from 09:00 to 12:00, the one of 10:00 converted (the others entered at 08:00, 12:00)
    expect(await conversionCount(db.manager, { ...scope, from: at(9), to: at(12) })).toBe(1);
  });
});
