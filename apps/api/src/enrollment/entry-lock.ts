import type { EntityManager } from 'typeorm';

/**
 * One campaign's entries, serialised where they could otherwise both start a contact's journey: a journey entered
 * on its own holds the lock shared, from its check for a cohort membership until its enrollment row is written (its
 * Temporal start in between); a cohort's reservation holds it exclusively while it writes its members' rows. Either
 * then sees the other's row. Transaction-scoped: it ends with the caller's transaction.
 */
export async function lockCampaignEntries(
  manager: Pick<EntityManager, 'query'>,
  campaignId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${lock}(hashtextextended($1, 0))`, [`campaign-entries:${campaignId}`]);
}
