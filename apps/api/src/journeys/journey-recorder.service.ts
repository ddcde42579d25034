import { Injectable } from '@nestjs/common';
import type { JourneyActivities } from '@loa/engine';
import { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';

export type JourneyRecord = Parameters<JourneyActivities['recordJourney']>[0];

/**
 * Stores journeys' progress: the enrollment (status, current step, exit reason, conversion) and its step events.
 * Idempotent: step events are keyed by enrollment and position, and an enrollment never goes back to an older
 * record's state (a late retry of an earlier record changes nothing) nor out of `exited`.
 */
@Injectable()
export class JourneyRecorder {
  constructor(private readonly db: DataSource) {}

  async record(input: JourneyRecord): Promise<void> {
    const { journey, entries, firstSeq } = input;
    const last = entries.at(-1);
    const logged = firstSeq + entries.length;
    const exited = input.status === 'exited';
    await this.db.transaction(async (manager) => {
      const [enrollment] = returnedRows<{ id: string }>(
        await manager.query(
          `WITH upserted AS (
             INSERT INTO enrollments AS e (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id,
               entry_key, entry_event_id, status, current_step, exit_reason, converted, logged, entered_at,
               updated_at, exited_at, cohort_workflow_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
               coalesce($14::timestamptz, now()), coalesce($15::timestamptz, now()),
               CASE WHEN $9 = 'exited' THEN coalesce($15::timestamptz, now()) END, $16)
             ON CONFLICT (workflow_id, run_id) DO UPDATE SET
               status = EXCLUDED.status,
               current_step = coalesce(EXCLUDED.current_step, e.current_step),
               exit_reason = EXCLUDED.exit_reason,
               converted = e.converted OR EXCLUDED.converted,
               logged = EXCLUDED.logged,
               updated_at = EXCLUDED.updated_at,
               exited_at = EXCLUDED.exited_at
             WHERE e.status = 'active' AND e.logged <= EXCLUDED.logged
             RETURNING e.id)
           SELECT id FROM upserted
           UNION ALL
           SELECT id FROM enrollments WHERE workflow_id = $5 AND run_id = $6
           LIMIT 1`,
          [
            journey.workspaceId,
            journey.campaignId,
            journey.versionId,
            journey.contactId,
            journey.workflowId,
            journey.enrollmentId,
            journey.entryKey,
            journey.entryEventId ?? null,
            input.status,
            last?.stepId ?? null,
            exited ? (input.exitReason ?? null) : null,
            input.converted ?? false,
            logged,
            firstSeq === 0 ? (entries[0]?.at ?? null) : null,
            last?.at ?? null,
            journey.cohortWorkflowId ?? null,
          ],
        ),
      );
      if (!enrollment) throw new Error(`The enrollment of ${journey.workflowId} was not stored`);
      if (entries.length === 0) return;
      await manager.query(
        `INSERT INTO step_events (enrollment_id, seq, step_id, outcome, at, detail)
         SELECT $1, $2 + entry.ordinality - 1, entry.step_id, entry.outcome, entry.at, entry.detail
         FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[])
           WITH ORDINALITY AS entry (step_id, outcome, at, detail, ordinality)
         ON CONFLICT (enrollment_id, seq) DO NOTHING`,
        [
          enrollment.id,
          firstSeq,
          entries.map((entry) => entry.stepId),
          entries.map((entry) => entry.outcome),
          entries.map((entry) => entry.at),
          entries.map((entry) => entry.detail ?? null),
        ],
      );
    });
  }
}
