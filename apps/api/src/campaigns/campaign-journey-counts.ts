import type { EntityManager } from 'typeorm';

export interface JourneyCounts {
  entered: number;
  inProgress: number;
}

/** Per campaign of `campaignIds`: journeys entered (every version) and still in progress, from the enrollments. */
export async function campaignJourneyCounts(
  manager: EntityManager,
  workspaceId: string,
  campaignIds: string[],
): Promise<Map<string, JourneyCounts>> {
  if (campaignIds.length === 0) return new Map();
  const rows: Array<{ campaign_id: string; entered: string; in_progress: string }> = await manager.query(
    `SELECT campaign_id, count(*) AS entered, count(*) FILTER (WHERE status = 'active') AS in_progress
     FROM enrollments WHERE workspace_id = $1 AND campaign_id = ANY ($2::uuid[])
     GROUP BY campaign_id`,
    [workspaceId, campaignIds],
  );
  return new Map(
    rows.map((row) => [
      row.campaign_id,
      { entered: Number(row.entered), inProgress: Number(row.in_progress) },
    ]),
  );
}
