import type { CampaignState, JourneyRef } from '@loa/engine';
import { LEDGER_ROW_COLUMNS, recordedResult, type LedgerRow } from '../../messages/message-row';
import { journeyStateOf } from '../campaign-state-source';
import { isUuid } from './uuid';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Whether a journey's send must wait for its campaign's state: a pause or stop is committed before it is signalled
 * to the running journeys, so a journey may reach a send in between. Answers the state that holds the send (as
 * journeys act on it: journeyStateOf), or undefined to send. A send whose outcome the ledger already holds for good
 * is not held (a repeated call answers that outcome); one still to be tried (deferred, a transient failure, an
 * activity retry) is. A campaign without a row holds nothing.
 */
export async function campaignHoldingSend(
  db: Queryable,
  journey: Pick<JourneyRef, 'workspaceId' | 'campaignId'>,
  idempotencyKey: string,
): Promise<Exclude<CampaignState, 'active'> | undefined> {
  const state = await campaignState(db, journey);
  if (state === 'active') return undefined;
  const [row] = (await db.query(
    `SELECT ${LEDGER_ROW_COLUMNS} FROM messages WHERE workspace_id = $1 AND idempotency_key = $2`,
    [journey.workspaceId, idempotencyKey],
  )) as LedgerRow[];
  if (row && recordedResult(row)) return undefined;
  return state;
}

/** The campaign's state as journeys act on it (journeyStateOf); a journey without a campaign row is active. */
export async function campaignState(
  db: Queryable,
  journey: Pick<JourneyRef, 'workspaceId' | 'campaignId'>,
): Promise<CampaignState> {
  if (!isUuid(journey.campaignId)) return 'active';
  const [campaign] = (await db.query(`SELECT state FROM campaigns WHERE workspace_id = $1 AND id = $2`, [
    journey.workspaceId,
    journey.campaignId,
  ])) as Array<{ state: string }>;
  return campaign ? journeyStateOf(campaign.state) : 'active';
}
