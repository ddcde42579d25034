import type { ContactJourneyInput } from '@loa/engine';
import type { EntityManager } from 'typeorm';

/**
 * Writes a journey's enrollment as soon as Temporal has started it, before the worker runs it: the event router
 * finds a contact's running journeys in `enrollments`, and an event that comes before the journey's own first record
 * (a busy worker, a broadcast's backlog) must still reach it. The journey's records then update this row.
 *
 * `runId` is the run the start or signal-with-start went to. A journey that already runs (this entry only signalled
 * it) keeps its own row: with an active row for the workflow nothing is written, and an earlier run of the same
 * workflow that exited leaves room for the new run's row.
 */
export async function recordEnteredJourney(
  db: Pick<EntityManager, 'query'>,
  journey: { workflowId: string; runId: string; input: ContactJourneyInput },
): Promise<void> {
  const { input } = journey;
  await db.query(
    `INSERT INTO enrollments (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key,
       entry_event_id, status, logged, entered_at, updated_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, 'active', 0, now(), now()
      WHERE NOT EXISTS (SELECT 1 FROM enrollments WHERE workflow_id = $5 AND status = 'active')
     ON CONFLICT (workflow_id, run_id) DO NOTHING`,
    [
      input.workspaceId,
      input.plan.campaignId,
      input.plan.versionId,
      input.contactId,
      journey.workflowId,
      journey.runId,
      input.entryKey,
      input.entryEvent?.id ?? null,
    ],
  );
}
