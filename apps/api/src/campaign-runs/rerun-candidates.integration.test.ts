import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { JourneyLogEntry, JourneyRef } from '@loa/engine';
import { DataSource } from 'typeorm';
import { ContactsService } from '../contacts/contacts.service';
import { JourneyRecorder } from '../journeys/journey-recorder.service';
import { insertCampaign, insertVersion } from '../journeys/testing/campaign-rows';
import { journeysTestContext, seedJourney } from '../journeys/testing/journeys-test-context';
import { rerunCandidates } from './rerun-candidates';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute)).toISOString();
const path = (minute: number, ...steps: Array<[string, string]>): JourneyLogEntry[] =>
  steps.map(([stepId, outcome]) => ({ stepId, outcome, at: at(minute) }));
const FAILED_AND_EXITED: Array<[string, string]> = [
  ['zns', 'entered'],
  ['zns', 'failed'],
  ['$exit:failed', 'exit:failed'],
];

/** Which contacts of a failed send step may be re-run, judged on recorded enrollments in PostgreSQL. */
describe('rerunCandidates on PostgreSQL', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let recorder: JourneyRecorder;

  beforeAll(async () => {
    context = await journeysTestContext();
    db = context.get(DataSource);
    recorder = context.get(JourneyRecorder);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('re-runs journeys that ended on the failed send, and says why it skips the others', async () => {
    const { workspaceId } = await seedJourney(context);
    const campaignId = await insertCampaign(db, { workspaceId });
    const versionId = await insertVersion(db, { workspaceId, campaignId, version: 1, plan: {} });
    let phone = 100;
    const contact = async () =>
      (
        await context.get(ContactsService).upsert({
          workspaceId,
          match: { externalId: `c-${randomUUID()}` },
          write: { name: 'Lan', phone: `0912000${phone++}` },
          mode: 'both',
          cause: 'contact',
        })
      ).contact!.id;
    const record = async (
      contactId: string,
      entries: JourneyLogEntry[],
      options: { status?: 'active' | 'exited'; entryKey?: string; cohort?: string } = {},
    ): Promise<JourneyRef> => {
      const entryKey = options.entryKey ?? 'once';
      const journey: JourneyRef = {
        workspaceId,
        campaignId,
        versionId,
        contactId,
        workflowId: `journey:${campaignId}:${contactId}:${entryKey}`,
        // A cohort member's enrollment is named by its cohort's workflow id.
        enrollmentId: options.cohort ?? randomUUID(),
        entryKey,
        ...(options.cohort && { cohortWorkflowId: options.cohort }),
      };
      const status = options.status ?? 'exited';
      await recorder.record({
        journey,
        firstSeq: 0,
        entries,
        status,
        ...(status === 'exited' && { exitReason: entries.at(-1)!.outcome.replace('exit:', '') }),
      });
      return journey;
    };
    const enrollmentOf = async (journey: JourneyRef) =>
      (
        (await db.query('SELECT id FROM enrollments WHERE workflow_id = $1 AND run_id = $2', [
          journey.workflowId,
          journey.enrollmentId,
        ])) as Array<{ id: string }>
      )[0]!.id;
    const [rerunId] = (await db.query(
      `INSERT INTO journey_reruns (workspace_id, campaign_id, step_id, version_id, requested_by)
       VALUES ($1, $2, 'zns', $3, '{}') RETURNING id`,
      [workspaceId, campaignId, versionId],
    )) as Array<{ id: string }>;
    const claim = async (contactId: string, failed: JourneyRef, workflowId: string) =>
      db.query(
        `INSERT INTO journey_rerun_contacts (failed_enrollment_id, rerun_id, workspace_id, contact_id, step_id,
           workflow_id) VALUES ($1, $2, $3, $4, 'zns', $5)`,
        [await enrollmentOf(failed), rerunId!.id, workspaceId, contactId, workflowId],
      );

    const ids: Record<string, string> = {};
    // Ended on the failure (a conversion recorded after it changes nothing) or on a blocked send: re-run.
    ids.ended = await contact();
    await record(
      ids.ended,
      path(0, ['zns', 'entered'], ['zns', 'failed'], ['zns', 'converted'], ['$exit:failed', 'exit:failed']),
    );
    ids.blocked = await contact();
    await record(
      ids.blocked,
      path(0, ['zns', 'entered'], ['zns', 'blocked'], ['$exit:failed', 'exit:failed']),
    );
    // Went on down the failure handle: the flow's fallback handled it.
    ids.fallback = await contact();
    await record(
      ids.fallback,
      path(0, ['zns', 'entered'], ['zns', 'failed'], ['sms', 'sent'], ['$exit:completed', 'exit:completed']),
    );
    // Failed, then entered again: running now, or through the step without failing.
    ids.running = await contact();
    await record(ids.running, path(0, ...FAILED_AND_EXITED));
    await record(ids.running, path(5, ['zns', 'entered'], ['wait', 'waiting']), {
      status: 'active',
      entryKey: 'order-2',
    });
    ids.again = await contact();
    await record(ids.again, path(0, ...FAILED_AND_EXITED));
    await record(
      ids.again,
      path(5, ['zns', 'entered'], ['zns', 'sent'], ['$exit:completed', 'exit:completed']),
      {
        entryKey: 'order-2',
      },
    );
    // Re-run before: its journey finished, or it was claimed and has recorded nothing yet.
    ids.rerunDone = await contact();
    const done = await record(ids.rerunDone, path(0, ...FAILED_AND_EXITED));
    const rerunJourney = await record(
      ids.rerunDone,
      path(5, ['zns', 'entered'], ['zns', 'sent'], ['$exit:completed', 'exit:completed']),
      { entryKey: 'rerun.x' },
    );
    await claim(ids.rerunDone, done, rerunJourney.workflowId);
    ids.claimed = await contact();
    const claimed = await record(ids.claimed, path(0, ...FAILED_AND_EXITED));
    await claim(ids.claimed, claimed, `journey:${campaignId}:${ids.claimed}:rerun.y`);
    // Its re-run runs (recorded when Temporal started it), or failed at the step too: that one may be re-run.
    ids.rerunRunning = await contact();
    const running = await record(ids.rerunRunning, path(0, ...FAILED_AND_EXITED));
    const runningRerun = await record(ids.rerunRunning, path(5, ['zns', 'entered']), {
      status: 'active',
      entryKey: 'rerun.z',
    });
    await claim(ids.rerunRunning, running, runningRerun.workflowId);
    ids.rerunFailed = await contact();
    const firstFailure = await record(ids.rerunFailed, path(0, ...FAILED_AND_EXITED));
    const secondFailure = await record(ids.rerunFailed, path(5, ...FAILED_AND_EXITED), {
      entryKey: 'rerun.w',
    });
    await claim(ids.rerunFailed, firstFailure, secondFailure.workflowId);
    // A cohort's member that ended on the failure is re-run on its own; one in a running cohort is not.
    ids.cohortEnded = await contact();
    await record(ids.cohortEnded, path(0, ...FAILED_AND_EXITED), { cohort: `cohort-${randomUUID()}` });
    ids.inCohort = await contact();
    await record(ids.inCohort, path(0, ...FAILED_AND_EXITED), { entryKey: 'order-1' });
    await record(ids.inCohort, path(5, ['zns', 'entered']), {
      status: 'active',
      cohort: `cohort-${randomUUID()}`,
    });
    // Erased since.
    ids.gone = await contact();
    await record(ids.gone, path(0, ...FAILED_AND_EXITED));
    await db.query('UPDATE contacts SET erased_at = now() WHERE id = $1', [ids.gone]);
    // Never failed at this step: not a candidate at all.
    const fine = await contact();
    await record(fine, path(0, ['zns', 'entered'], ['zns', 'sent'], ['$exit:completed', 'exit:completed']));

    const candidates = await rerunCandidates(db.manager, { workspaceId, campaignId, stepId: 'zns' });
    const nameOf = (contactId: string) => Object.keys(ids).find((name) => ids[name] === contactId);
    expect(Object.fromEntries(candidates.map((c) => [nameOf(c.contactId), c.skipReason]))).toEqual({
      ended: null,
      blocked: null,
      fallback: 'failure_branch_taken',
      running: 'journey_running',
      again: 'entered_again',
      rerunDone: 'already_rerun',
      claimed: 'already_rerun',
      rerunRunning: 'already_rerun',
      rerunFailed: null,
      cohortEnded: null,
      inCohort: 'journey_running',
      gone: 'contact_gone',
    });
    const again = candidates.find((candidate) => candidate.contactId === ids.rerunFailed);
    expect(again?.failedEnrollmentId).toBe(await enrollmentOf(secondFailure));
    expect(await rerunCandidates(db.manager, { workspaceId, campaignId, stepId: 'sms' })).toEqual([]);
  });
});
