import type { CampaignState } from '@loa/engine';
import { QueryFailedError } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import { type CampaignStateSource, journeyStateOf } from './campaign-state-source';

const INVALID_TEXT_REPRESENTATION = '22P02';

/** A DataSource, or one connection of it (a QueryRunner). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Reads the state column of `campaigns`; an id that cannot name a campaign is an unknown campaign. */
export class PostgresCampaignStateSource implements CampaignStateSource {
  constructor(private readonly db: Queryable) {}

  async stateOf(campaignId: string): Promise<CampaignState> {
    try {
      const [row] = returnedRows<{ state: string }>(
        await this.db.query('SELECT state FROM campaigns WHERE id = $1', [campaignId]),
      );
      return journeyStateOf(row?.state);
    } catch (error) {
      if (isInvalidId(error)) return journeyStateOf(undefined);
      throw error;
    }
  }
}

function isInvalidId(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code;
  return error instanceof QueryFailedError && code === INVALID_TEXT_REPRESENTATION;
}
