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
    await this.recordMany([input]);
  }

  /**
   * Records several journeys at once (a cohort's batch): one enrollment upsert and one step-event insert for all of
   * them, in one transaction. Each record must be of a different enrollment.
   */
  async recordMany(records: JourneyRecord[]): Promise<void> {
    if (records.length === 0) return;
    const column = <T>(of: (record: JourneyRecord) => T) => records.map(of);
    await this.db.transaction(async (manager) => {
      const stored = returnedRows<{ ord: string; id: string | null }>(
        await manager.query(UPSERT_ENROLLMENTS, [
          column((r) => r.journey.workspaceId),
          column((r) => r.journey.campaignId),
          column((r) => r.journey.versionId),
          column((r) => r.journey.contactId),
          column((r) => r.journey.workflowId),
          column((r) => r.journey.enrollmentId),
          column((r) => r.journey.entryKey),
          column((r) => r.journey.entryEventId ?? null),
          column((r) => r.status),
          column((r) => r.entries.at(-1)?.stepId ?? null),
          column((r) => (r.status === 'exited' ? (r.exitReason ?? null) : null)),
          column((r) => r.converted ?? false),
          column((r) => r.firstSeq + r.entries.length),
          column((r) => (r.firstSeq === 0 ? (r.entries[0]?.at ?? null) : null)),
          column((r) => r.entries.at(-1)?.at ?? null),
          column((r) => r.journey.cohortWorkflowId ?? null),
        ]),
      );
      const idOf = new Map(stored.map((row) => [Number(row.ord), row.id]));
      const events = records.flatMap((record, index) => {
        const enrollmentId = idOf.get(index + 1);
        if (!enrollmentId) throw new Error(`The enrollment of ${record.journey.workflowId} was not stored`);
        return record.entries.map((entry, offset) => ({
          enrollmentId,
          seq: record.firstSeq + offset,
          entry,
        }));
      });
      if (events.length === 0) return;
      await manager.query(INSERT_STEP_EVENTS, [
        events.map((event) => event.enrollmentId),
        events.map((event) => event.seq),
        events.map((event) => event.entry.stepId),
        events.map((event) => event.entry.outcome),
        events.map((event) => event.entry.at),
        events.map((event) => event.entry.detail ?? null),
      ]);
    });
  }
}

/**
 * Inserts or moves on each enrollment; never back to an older record's state (a late retry changes nothing) nor
 * out of `exited`. Answers every input's enrollment id, updated or not, by its position.
 */
const UPSERT_ENROLLMENTS = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::int[],
                         $14::timestamptz[], $15::timestamptz[], $16::text[])
      WITH ORDINALITY AS r (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key,
                            entry_event_id, status, current_step, exit_reason, converted, logged, entered_at,
                            updated_at, cohort_workflow_id, ord)
  ), upserted AS (
    INSERT INTO enrollments AS e (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key,
      entry_event_id, status, current_step, exit_reason, converted, logged, entered_at, updated_at, exited_at,
      cohort_workflow_id)
    SELECT workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key, entry_event_id, status,
           current_step, exit_reason, converted, logged, coalesce(entered_at, now()), coalesce(updated_at, now()),
           CASE WHEN status = 'exited' THEN coalesce(updated_at, now()) END, cohort_workflow_id
      FROM input
     -- In key order, so that two batches upserting the same enrollments cannot wait on each other.
     ORDER BY workflow_id, run_id
    ON CONFLICT (workflow_id, run_id) DO UPDATE SET
      status = EXCLUDED.status,
      current_step = coalesce(EXCLUDED.current_step, e.current_step),
      exit_reason = EXCLUDED.exit_reason,
      converted = e.converted OR EXCLUDED.converted,
      logged = EXCLUDED.logged,
      updated_at = EXCLUDED.updated_at,
      exited_at = EXCLUDED.exited_at
    WHERE e.status = 'active' AND e.logged <= EXCLUDED.logged
    RETURNING e.id, e.workflow_id, e.run_id
  )
  SELECT input.ord, coalesce(u.id, x.id) AS id
    FROM input
    LEFT JOIN upserted u ON u.workflow_id = input.workflow_id AND u.run_id = input.run_id
    LEFT JOIN enrollments x ON x.workflow_id = input.workflow_id AND x.run_id = input.run_id`;

/** Each entry once, by its enrollment and position (a repeated record adds nothing). */
const INSERT_STEP_EVENTS = `
  INSERT INTO step_events (enrollment_id, seq, step_id, outcome, at, detail)
  SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
  ON CONFLICT (enrollment_id, seq) DO NOTHING`;
