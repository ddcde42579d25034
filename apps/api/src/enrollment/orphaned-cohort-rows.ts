import type { Plan } from '@loa/engine';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';

/**
 * Cohorts that may never have started: members still active with nothing recorded (`logged = 0`), written more
 * than `graceMs` ago, oldest first, leaving out `known` (cohorts already looked at). A started cohort's members can
 * look like this too until they first record, so Temporal decides. Read through enrollments_unrecorded_cohort_idx.
 */
export async function unrecordedCohorts(
  db: DataSource,
  options: { graceMs: number; known: string[]; limit: number },
): Promise<string[]> {
  const rows = (await db.query(
    `WITH unrecorded AS MATERIALIZED (
       SELECT cohort_workflow_id, min(entered_at) AS entered_at FROM enrollments
        WHERE status = 'active' AND logged = 0 AND cohort_workflow_id IS NOT NULL
          AND entered_at < now() - make_interval(secs => $1)
        GROUP BY cohort_workflow_id)
     SELECT cohort_workflow_id FROM unrecorded WHERE cohort_workflow_id <> ALL ($2::text[])
      ORDER BY entered_at LIMIT $3`,
    [options.graceMs / 1000, options.known, options.limit],
  )) as Array<{ cohort_workflow_id: string }>;
  return rows.map((row) => row.cohort_workflow_id);
}

/**
 * Whether any member of the cohort recorded something or left: then its workflow did run (Temporal may have
 * forgotten it since), and it must not be started again.
 */
export async function cohortHasRun(db: DataSource, cohortId: string): Promise<boolean> {
  const [row] = (await db.query(
    `SELECT EXISTS (
       SELECT 1 FROM enrollments
        WHERE cohort_workflow_id = $1 AND run_id = $1 AND (status <> 'active' OR logged > 0)) AS ran`,
    [cohortId],
  )) as Array<{ ran: boolean }>;
  return row?.ran === true;
}

export interface OrphanedCohort {
  workspaceId: string;
  campaignId: string;
  versionId: string;
  /** The active members, by contact id (the order a broadcast's audience pages give). */
  contactIds: string[];
}

/** The cohort's active members that recorded nothing and the version they entered; undefined when there are none. */
export async function orphanedCohort(db: DataSource, cohortId: string): Promise<OrphanedCohort | undefined> {
  const rows = (await db.query(
    `SELECT workspace_id, campaign_id, version_id, contact_id FROM enrollments
      WHERE cohort_workflow_id = $1 AND run_id = $1 AND status = 'active' AND logged = 0 ORDER BY contact_id`,
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
