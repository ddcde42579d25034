import type { CampaignState, JourneyRef } from '@loa/engine';

/** Lifecycle states whose journeys must not send: paused holds them, stopped (and archived) ends them. */
const HELD_BY: Partial<Record<string, Exclude<CampaignState, 'active'>>> = {
  paused: 'paused',
  stopped: 'stopped',
  archived: 'stopped',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a journey's send must wait for its campaign's state: a pause or stop is committed before it is signalled
 * to the running journeys, so a journey may reach a send in between. Answers the state that holds the send, or
 * undefined to send. A send already recorded under its idempotency key is not held (a retried activity answers
 * its recorded outcome), nor is one whose campaign has no row.
 */
export async function campaignHoldingSend(
  db: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  journey: Pick<JourneyRef, 'workspaceId' | 'campaignId'>,
  idempotencyKey: string,
): Promise<Exclude<CampaignState, 'active'> | undefined> {
  if (!UUID.test(journey.campaignId)) return undefined;
  const [row] = (await db.query(
    `SELECT c.state,
            EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.idempotency_key = $3)
              AS recorded
       FROM campaigns c WHERE c.workspace_id = $1 AND c.id = $2`,
    [journey.workspaceId, journey.campaignId, idempotencyKey],
  )) as Array<{ state: string; recorded: boolean }>;
  if (!row || row.recorded) return undefined;
  return HELD_BY[row.state];
}
