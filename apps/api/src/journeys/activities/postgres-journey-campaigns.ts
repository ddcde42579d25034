import { campaignSettingsSchema } from '@loa/engine';
import { ApplicationFailure } from '@temporalio/activity';
import type { JourneyCampaigns, JourneyCampaignVersion } from './journey-campaigns';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A DataSource, or one connection of it. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export const CAMPAIGN_VERSION_NOT_FOUND = 'LoaCampaignVersionNotFoundError';

/**
 * Reads a journey's campaign version from the published versions (`campaign_versions`: the plan's settings and the
 * version number; `campaigns`: the name). A version that is not found (or whose settings do not parse) is a
 * non-retryable failure: sending without the campaign's quiet hours and caps is not an option.
 */
export class PostgresJourneyCampaigns implements JourneyCampaigns {
  constructor(private readonly db: Queryable) {}

  async versionOf(journey: { workspaceId: string; versionId: string }): Promise<JourneyCampaignVersion> {
    const rows = UUID.test(journey.versionId)
      ? ((await this.db.query(
          `SELECT v.plan -> 'settings' AS settings, v.version, c.name
             FROM campaign_versions v JOIN campaigns c ON c.id = v.campaign_id
            WHERE v.workspace_id = $1 AND v.id = $2`,
          [journey.workspaceId, journey.versionId],
        )) as Array<{ settings: unknown; version: number; name: string }>)
      : [];
    const [row] = rows;
    const settings = row ? campaignSettingsSchema.safeParse(row.settings ?? {}) : undefined;
    if (!row || !settings?.success)
      throw ApplicationFailure.nonRetryable(
        `Campaign version ${journey.versionId} was not found`,
        CAMPAIGN_VERSION_NOT_FOUND,
      );
    return { settings: settings.data, name: row.name, version: row.version };
  }
}
