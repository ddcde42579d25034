import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JourneyRecorder } from './journey-recorder.service';
import { journeysTestContext, seedJourney } from './testing/journeys-test-context';

describe('JourneyRecorder on embedded PGlite (the API process runs the worker there)', () => {
  let context: INestApplicationContext;

  beforeAll(async () => {
    context = await journeysTestContext({ DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://' });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('records idempotently with the same SQL as on PostgreSQL', async () => {
    const recorder = context.get(JourneyRecorder);
    const journey = await seedJourney(context);
    const entries = [
      { stepId: 'wait', outcome: 'entered', at: '2026-11-30T09:00:00.000Z' },
      { stepId: 'wait', outcome: 'waiting', at: '2026-11-30T09:00:00.000Z', detail: 'PT1H' },
    ];
    await recorder.record({ journey, firstSeq: 0, entries, status: 'active' });
    await recorder.record({ journey, firstSeq: 0, entries, status: 'active' });
    await recorder.record({ journey, firstSeq: 2, entries: [], status: 'exited', exitReason: 'stopped' });
    const rows = (await context.get(DataSource).query(
      `SELECT e.status, e.exit_reason, s.seq, s.outcome, s.detail
       FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id WHERE e.workflow_id = $1 ORDER BY s.seq`,
      [journey.workflowId],
    )) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      { status: 'exited', exit_reason: 'stopped', seq: 0, outcome: 'entered', detail: null },
      { status: 'exited', exit_reason: 'stopped', seq: 1, outcome: 'waiting', detail: 'PT1H' },
    ]);
  });
});
