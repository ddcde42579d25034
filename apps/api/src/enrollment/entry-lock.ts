import type { DataSource, EntityManager } from 'typeorm';

/** A claim outlives any Temporal start it covers; one left by a crash stops nobody for longer. */
const CLAIM_TTL = `interval '10 minutes'`;

/**
 * One campaign's entries, serialised where they could otherwise both start a contact's journey: a journey entered
 * on its own claims its workflow id (`journey_entry_claims`) under this lock held shared, after checking for a cohort
 * membership, and keeps the claim until its enrollment row is written (its Temporal start in between, outside any
 * transaction); a cohort's reservation holds the lock exclusively while it writes its members' rows, skipping live
 * claims. Either then sees the other. Transaction-scoped: it ends with the caller's transaction.
 */
export async function lockCampaignEntries(
  manager: Pick<EntityManager, 'query'>,
  campaignId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${lock}(hashtextextended($1, 0))`, [`campaign-entries:${campaignId}`]);
}

/**
 * Claims the journey's workflow id for an entry on its own, unless `taken` (run under the lock) says a cohort has
 * the contact: true when claimed.
 */
export function claimEntry(
  db: DataSource,
  claim: { campaignId: string; workflowId: string },
  taken: (manager: EntityManager) => Promise<boolean>,
): Promise<boolean> {
  return db.transaction(async (manager) => {
    await lockCampaignEntries(manager, claim.campaignId, 'shared');
    if (await taken(manager)) return false;
    await manager.query(
      `INSERT INTO journey_entry_claims (workflow_id, campaign_id, expires_at) VALUES ($1, $2, now() + ${CLAIM_TTL})
       ON CONFLICT (workflow_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [claim.workflowId, claim.campaignId],
    );
    return true;
  });
}

/** Drops the claim once the entry's enrollment row is written (or the entry did not start). */
export async function releaseClaim(db: Pick<DataSource, 'query'>, workflowId: string): Promise<void> {
  await db.query('DELETE FROM journey_entry_claims WHERE workflow_id = $1', [workflowId]);
}

/** SQL: no live claim on the workflow id `workflowIdSql` (for a cohort's reservation). */
export const unclaimed = (workflowIdSql: string) =>
  `NOT EXISTS (SELECT 1 FROM journey_entry_claims k WHERE k.workflow_id = ${workflowIdSql} AND k.expires_at > now())`;
