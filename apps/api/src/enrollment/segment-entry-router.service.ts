import { Injectable } from '@nestjs/common';
import type { Plan } from '@loa/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { JourneyStarter } from './journey-starter.service';

const BATCH = 500;
const PARALLEL_STARTS = 8;

interface SegmentCampaign {
  campaign_id: string;
  state: string;
  segment_id: string;
  plan: Plan;
}

/**
 * `trigger.segment`: contacts that enter the segment (its `segment_membership_changes`, read by a cursor per
 * campaign) enter the campaign's current version. Contacts already in the segment when the campaign was first
 * published do not: the cursor starts at the last change before that moment. While a campaign is paused its
 * segment's entries pass by without entering (resuming does not enter them late). The cursor row is locked while a
 * batch is entered and moves after it: at least once, and starts are idempotent by workflow id.
 */
@Injectable()
export class SegmentEntryRouter {
  constructor(
    private readonly db: DataSource,
    private readonly starter: JourneyStarter,
  ) {}

  async route(workspaceId: string): Promise<number> {
    const campaigns = (await this.db.query(
      `SELECT c.id AS campaign_id, c.state, v.plan -> 'trigger' ->> 'segmentId' AS segment_id, v.plan
         FROM campaigns c JOIN campaign_versions v ON v.id = c.current_version_id
        WHERE c.workspace_id = $1 AND c.state IN ('active', 'paused')
          AND v.plan -> 'trigger' ->> 'type' = 'trigger.segment'`,
      [workspaceId],
    )) as SegmentCampaign[];
    let entered = 0;
    for (const campaign of campaigns) {
      await this.startCursor(workspaceId, campaign);
      for (;;) {
        const count = await this.db.transaction((manager) => this.routeBatch(manager, workspaceId, campaign));
        entered += count;
        if (count < BATCH) break;
      }
    }
    return entered;
  }

  private async startCursor(workspaceId: string, campaign: SegmentCampaign): Promise<void> {
    await this.db.query(
      `INSERT INTO campaign_segment_cursors (campaign_id, workspace_id, segment_id, change_seq)
       SELECT $1, $2, $3, COALESCE(
         (SELECT max(seq) FROM segment_membership_changes
           WHERE segment_id = $3 AND at < (SELECT min(published_at) FROM campaign_versions WHERE campaign_id = $1)),
         0)
       ON CONFLICT (campaign_id) DO NOTHING`,
      [campaign.campaign_id, workspaceId, campaign.segment_id],
    );
  }

  private async routeBatch(
    manager: EntityManager,
    workspaceId: string,
    campaign: SegmentCampaign,
  ): Promise<number> {
    const [cursor] = (await manager.query(
      `SELECT change_seq::text AS after, segment_id FROM campaign_segment_cursors WHERE campaign_id = $1 FOR UPDATE`,
      [campaign.campaign_id],
    )) as Array<{ after: string; segment_id: string }>;
    // A new version on another segment follows its segment's changes from now on.
    const after =
      cursor?.segment_id === campaign.segment_id
        ? (cursor?.after ?? '0')
        : await this.latestChange(manager, campaign.segment_id);
    const changes = (await manager.query(
      `SELECT seq::text AS seq, contact_id FROM segment_membership_changes
        WHERE segment_id = $1 AND seq > $2::bigint AND change = 'entered' ORDER BY seq LIMIT $3`,
      [campaign.segment_id, after, BATCH],
    )) as Array<{ seq: string; contact_id: string }>;
    if (campaign.state === 'active' && changes.length > 0) {
      const entry = { workspaceId, campaignId: campaign.campaign_id, plan: campaign.plan };
      let next = 0;
      const startNext = async (): Promise<void> => {
        while (next < changes.length) await this.starter.enter(entry, changes[next++]!.contact_id);
      };
      await Promise.all(Array.from({ length: PARALLEL_STARTS }, startNext));
    }
    await manager.query(
      `UPDATE campaign_segment_cursors SET change_seq = $2::bigint, segment_id = $3, updated_at = now()
        WHERE campaign_id = $1`,
      [campaign.campaign_id, changes.at(-1)?.seq ?? after, campaign.segment_id],
    );
    return campaign.state === 'active' ? changes.length : 0;
  }

  private async latestChange(manager: EntityManager, segmentId: string): Promise<string> {
    const [row] = (await manager.query(
      `SELECT COALESCE(max(seq), 0)::text AS seq FROM segment_membership_changes WHERE segment_id = $1`,
      [segmentId],
    )) as Array<{ seq: string }>;
    return row?.seq ?? '0';
  }
}
