import type { Plan } from '@loa/engine';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';

/**
 * Cohorts that may never have started: some members still active with nothing recorded (`logged = 0`), written more
 * than `graceMs` ago, oldest first, leaving out `known` (cohorts already found in Temporal). A started cohort's
 * members can look like this too until they first record, so Temporal decides.
 */
export async function unrecordedCohorts(
  db: DataSource,
  options: { graceMs: number; known: string[]; limit: number },
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT cohort_workflow_id FROM enrollments
      WHERE status = 'active' AND cohort_workflow_id IS NOT NULL AND logged = 0
        AND entered_at < now() - make_interval(secs => $1) AND cohort_workflow_id <> ALL ($2::text[])
      GROUP BY cohort_workflow_id ORDER BY min(entered_at) LIMIT $3`,
    [options.graceMs / 1000, options.known, options.limit],
  )) as Array<{ cohort_workflow_id: string }>;
  return rows.map((row) => row.cohort_workflow_id);
}

export interface OrphanedCohort {
  workspaceId: string;
  campaignId: string;
  versionId: string;
  /** The active members, by contact id (the order a broadcast's audience pages give). */
  contactIds: string[];
}

/** The cohort's active members and the campaign version they entered; undefined when none is active. */
export async function orphanedCohort(db: DataSource, cohortId: string): Promise<OrphanedCohort | undefined> {
  const rows = (await db.query(
    `SELECT workspace_id, campaign_id, version_id, contact_id FROM enrollments
      WHERE cohort_workflow_id = $1 AND run_id = $1 AND status = 'active' ORDER BY contact_id`,
    [cohortId],
  )) as Array<{ workspace_id: string; campaign_id: string; version_id: string; contact_id: string }>;
  const [first] = rows;
  if (!first) return undefined;
  return {
    workspaceId: first.workspace_id,
    campaignId: first.campaign_id,
    versionId: first.version_id,
    contactIds: rows.map((row) => row.contact_id),
  };
}

/** The campaign's state and the plan of the version, as its own published row; undefined for no such campaign. */
export async function campaignVersion(
  db: DataSource,
  cohort: Pick<OrphanedCohort, 'workspaceId' | 'campaignId' | 'versionId'>,
): Promise<{ state: string; plan: Plan | null } | undefined> {
  const [row] = (await db.query(
    `SELECT c.state, v.plan FROM campaigns c LEFT JOIN campaign_versions v ON v.campaign_id = c.id AND v.id::text = $3
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [cohort.workspaceId, cohort.campaignId, cohort.versionId],
  )) as Array<{ state: string; plan: Plan | null }>;
  return row;
}

/**
 * Ends the journeys of a cohort that never started: its active members that recorded nothing exit `stopped`.
 * Answers how many did.
 */
export async function exitUnstartedMembers(db: DataSource, cohortId: string): Promise<number> {
  const result = await db.query(
    `UPDATE enrollments SET status = 'exited', exit_reason = 'stopped', exited_at = now(), updated_at = now()
      WHERE cohort_workflow_id = $1 AND run_id = $1 AND status = 'active' AND logged = 0
      RETURNING id`,
    [cohortId],
  );
  return returnedRows(result).length;
}
