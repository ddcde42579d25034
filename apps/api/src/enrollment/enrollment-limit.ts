import type { DataSource } from 'typeorm';

/**
 * `settings.enrollmentLimit`: at most this many enrollments of a campaign, over all its versions. Each entry reserves
 * a place in `campaign_entry_counts` with one conditional UPDATE before it starts the journey (the row lock makes
 * concurrent reservations queue, so the count never passes the limit), and gives the place back when the start
 * turned out to be no new journey (already enrolled) or failed. A process that dies between the two keeps the
 * place: the limit can then admit fewer, never more.
 */
export async function reserveEntry(
  db: DataSource,
  input: { workspaceId: string; campaignId: string; limit: number },
): Promise<boolean> {
  const rows = (await db.query(
    `INSERT INTO campaign_entry_counts AS c (campaign_id, workspace_id, entered) VALUES ($1, $2, 1)
     ON CONFLICT (campaign_id) DO UPDATE SET entered = c.entered + 1 WHERE c.entered < $3
     RETURNING entered`,
    [input.campaignId, input.workspaceId, input.limit],
  )) as unknown[];
  return rows.length === 1;
}

export async function releaseEntry(db: DataSource, campaignId: string): Promise<void> {
  await db.query(
    `UPDATE campaign_entry_counts SET entered = entered - 1 WHERE campaign_id = $1 AND entered > 0`,
    [campaignId],
  );
}
