import { Injectable } from '@nestjs/common';
import { matchesFilter, type Plan, type TriggerSpec } from '@loa/engine';
import { DataSource } from 'typeorm';
import { entersByTime } from './event-entry-time';
import type { CampaignEntry } from './journey-starter.service';

type EventTrigger = Extract<TriggerSpec, { type: 'trigger.event' }>;

interface ActiveEventCampaign {
  campaignId: string;
  versionId: string;
  trigger: EventTrigger;
  /** When the campaign's first version was published. */
  liveSince: Date;
}

const PLAN_CACHE_LIMIT = 500;

/**
 * The workspace's active campaigns whose current version is triggered by an event. Read fresh for every batch the
 * router takes (an indexed read of a few small rows: `campaigns_active_idx`), so a pause, stop or publish applies
 * to the next batch in every process, with no cache to invalidate. Full plans are cached by version id: versions
 * are immutable.
 */
@Injectable()
export class EventTriggeredCampaigns {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly db: DataSource) {}

  async active(workspaceId: string): Promise<ActiveEventCampaign[]> {
    const rows = (await this.db.query(
      `SELECT c.id AS campaign_id, v.id AS version_id, v.plan -> 'trigger' AS trigger,
              (SELECT min(first.published_at) FROM campaign_versions first WHERE first.campaign_id = c.id)
                AS live_since
         FROM campaigns c JOIN campaign_versions v ON v.id = c.current_version_id
        WHERE c.workspace_id = $1 AND c.state = 'active' AND v.plan -> 'trigger' ->> 'type' = 'trigger.event'`,
      [workspaceId],
    )) as Array<{ campaign_id: string; version_id: string; trigger: EventTrigger; live_since: Date }>;
    return rows.map((row) => ({
      campaignId: row.campaign_id,
      versionId: row.version_id,
      trigger: row.trigger,
      liveSince: new Date(row.live_since),
    }));
  }

  /**
   * The campaigns an event enters: its name is the trigger's event, its properties pass the trigger's filter, and it
   * happened after the campaign's first publish and was not backfilled (event-entry-time.ts).
   */
  static matching(
    campaigns: ActiveEventCampaign[],
    event: { name: string; properties: Record<string, unknown>; occurredAt: string; receivedAt: string },
  ): ActiveEventCampaign[] {
    return campaigns.filter(
      (campaign) =>
        campaign.trigger.event === event.name &&
        matchesFilter(campaign.trigger.filter, event.properties) &&
        entersByTime(event, campaign.liveSince),
    );
  }

  async entryOf(workspaceId: string, campaign: ActiveEventCampaign): Promise<CampaignEntry> {
    let plan = this.plans.get(campaign.versionId);
    if (!plan) {
      const [row] = (await this.db.query(`SELECT plan FROM campaign_versions WHERE id = $1`, [
        campaign.versionId,
      ])) as Array<{ plan: Plan }>;
      plan = row!.plan;
      if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.delete(this.plans.keys().next().value as string);
      this.plans.set(campaign.versionId, plan);
    }
    return { workspaceId, campaignId: campaign.campaignId, plan };
  }
}
