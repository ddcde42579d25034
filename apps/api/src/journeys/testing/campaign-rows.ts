import { randomUUID } from 'node:crypto';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

const ACTOR = JSON.stringify({ kind: 'user', id: randomUUID(), name: 'Test' });

/** A workspace of its own, as rows (journey tests that need campaign rows without the HTTP app). */
export async function insertWorkspace(db: Queryable): Promise<string> {
  const slug = `journeys-${randomUUID().slice(0, 12)}`;
  const [row] = (await db.query('INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id', [
    slug,
  ])) as Array<{ id: string }>;
  return row!.id;
}

/** A campaign row in `state` (the lifecycle's table; its routes are tested in campaigns/). */
export async function insertCampaign(
  db: Queryable,
  input: { workspaceId: string; state?: string; name?: string },
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO campaigns (workspace_id, name, state, draft_graph, draft_saved_by, created_by, updated_by)
     VALUES ($1, $2, $3, '{}', $4, $4, $4) RETURNING id`,
    [input.workspaceId, input.name ?? 'Test campaign', input.state ?? 'active', ACTOR],
  )) as Array<{ id: string }>;
  return row!.id;
}

/** A published version of the campaign whose plan is `plan` (only what the reader needs of it). */
export async function insertVersion(
  db: Queryable,
  input: { workspaceId: string; campaignId: string; version: number; plan: object; id?: string },
): Promise<string> {
  const id = input.id ?? randomUUID();
  await db.query(
    `INSERT INTO campaign_versions (id, workspace_id, campaign_id, version, graph, plan, hash, published_by)
     VALUES ($1, $2, $3, $4, '{}', $5, $6, $7)`,
    [id, input.workspaceId, input.campaignId, input.version, JSON.stringify(input.plan), randomUUID(), ACTOR],
  );
  return id;
}
