import type { JourneyEvent } from '@loa/engine';
import type { EntityManager } from 'typeorm';
import type { RerunSkipReason } from './step-rerun.schemas';

/** A contact whose send at the step failed or was blocked, and whether its journey may be re-run. */
export interface RerunCandidate {
  contactId: string;
  /** The contact's latest enrollment in the campaign whose send at the step failed or was blocked. */
  failedEnrollmentId: string;
  skipReason: RerunSkipReason | null;
  entryEvent: JourneyEvent | null;
}

interface CandidateRow {
  contact_id: string;
  failed_enrollment_id: string;
  skip_reason: RerunSkipReason | null;
  event_id: string | null;
  event_name: string | null;
  event_properties: Record<string, unknown> | null;
  event_at: Date | null;
}

/**
 * Every contact of the campaign with a failed or blocked send at `stepId` (the enrollments list's `failedAt`), one
 * row per contact, judged by its latest enrollment in the campaign. It may be re-run only when that enrollment is
 * the one that failed and the journey ended on the failure: after the failed send nothing but its exit (and a
 * conversion) was recorded, and no re-run of it was started before. A journey that went on down the failure
 * handle was handled by the flow's own fallback; a running or a later journey is the contact's current one.
 */
export async function rerunCandidates(
  manager: EntityManager,
  scope: { workspaceId: string; campaignId: string; stepId: string },
): Promise<RerunCandidate[]> {
  const rows: CandidateRow[] = await manager.query(
    `WITH failures AS (
       SELECT e.contact_id, e.id AS enrollment_id, e.entered_at, max(s.seq) AS failed_seq
         FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id
        WHERE e.workspace_id = $1 AND e.campaign_id = $2 AND s.step_id = $3 AND s.outcome IN ('failed', 'blocked')
        GROUP BY e.contact_id, e.id, e.entered_at),
     last_failed AS (
       SELECT DISTINCT ON (contact_id) contact_id, enrollment_id, failed_seq FROM failures
        ORDER BY contact_id, entered_at DESC, enrollment_id DESC),
     latest AS (
       SELECT DISTINCT ON (e.contact_id) e.contact_id, e.id, e.status, e.workflow_id FROM enrollments e
        WHERE e.workspace_id = $1 AND e.campaign_id = $2 AND e.contact_id IN (SELECT contact_id FROM last_failed)
        ORDER BY e.contact_id, e.entered_at DESC, e.id DESC)
     SELECT f.contact_id, f.enrollment_id AS failed_enrollment_id,
       CASE
         WHEN c.id IS NULL OR c.erased_at IS NOT NULL OR c.merged_into IS NOT NULL THEN 'contact_gone'
         -- Its re-run was started (running or not recorded yet), or the latest journey is that re-run.
         WHEN EXISTS (SELECT 1 FROM journey_rerun_contacts r WHERE r.failed_enrollment_id = f.enrollment_id)
           THEN 'already_rerun'
         WHEN l.id <> f.enrollment_id
              AND EXISTS (SELECT 1 FROM journey_rerun_contacts r WHERE r.workflow_id = l.workflow_id)
           THEN 'already_rerun'
         WHEN l.status = 'active' THEN 'journey_running'
         WHEN l.id <> f.enrollment_id THEN 'entered_again'
         WHEN EXISTS (SELECT 1 FROM step_events s WHERE s.enrollment_id = f.enrollment_id AND s.seq > f.failed_seq
                        AND s.outcome NOT LIKE 'exit:%' AND s.outcome <> 'converted') THEN 'failure_branch_taken'
       END AS skip_reason,
       fe.entry_event_id AS event_id, ev.name AS event_name, ev.properties AS event_properties,
       ev.timestamp AS event_at
     FROM last_failed f
     JOIN latest l ON l.contact_id = f.contact_id
     JOIN enrollments fe ON fe.id = f.enrollment_id
     LEFT JOIN contacts c ON c.id = f.contact_id AND c.workspace_id = $1
     LEFT JOIN events ev ON ev.workspace_id = $1 AND ev.message_id = fe.entry_event_id
     ORDER BY f.contact_id`,
    [scope.workspaceId, scope.campaignId, scope.stepId],
  );
  return rows.map((row) => ({
    contactId: row.contact_id,
    failedEnrollmentId: row.failed_enrollment_id,
    skipReason: row.skip_reason,
    entryEvent:
      row.event_id !== null && row.event_name !== null && row.event_at !== null
        ? {
            id: row.event_id,
            name: row.event_name,
            properties: row.event_properties ?? {},
            occurredAt: row.event_at.toISOString(),
          }
        : null,
  }));
}
