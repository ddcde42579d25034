import type { EntityManager } from 'typeorm';

/**
 * Moves what belongs to `loserId` onto `survivorId` and retires the loser: its events and Zalo identities move,
 * contacts already merged into it now point at the survivor, and the loser keeps only its id, times and
 * `merged_into` (every identifier and personal field cleared, so the unique identifiers are free for the
 * survivor). The survivor's own columns are written by the caller from `mergeStates`.
 *
 * Segment memberships are not moved here: the segments module re-evaluates both contacts on the `merge` change
 * notice, and a merged contact is no longer live.
 */
export async function retireIntoSurvivor(
  manager: EntityManager,
  input: { workspaceId: string; survivorId: string; loserId: string },
): Promise<void> {
  const { workspaceId, survivorId, loserId } = input;
  await manager.query(
    `UPDATE contacts
        SET external_id = NULL, phone = NULL, email = NULL, name = NULL, attributes = '{}', tags = '{}', score = 0,
            do_not_contact = false, consents = '{}', merged_into = $3, updated_at = now()
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, loserId, survivorId],
  );
  await manager.query('UPDATE contacts SET merged_into = $3 WHERE workspace_id = $1 AND merged_into = $2', [
    workspaceId,
    loserId,
    survivorId,
  ]);
  await manager.query('UPDATE events SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2', [
    workspaceId,
    loserId,
    survivorId,
  ]);
  await manager.query(
    'UPDATE contact_identities SET contact_id = $3, updated_at = now() WHERE workspace_id = $1 AND contact_id = $2',
    [workspaceId, loserId, survivorId],
  );
}
