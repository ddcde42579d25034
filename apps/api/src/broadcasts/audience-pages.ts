import { Injectable } from '@nestjs/common';
import type { AudiencePage, CampaignRunAudience, DateAudience } from '@loa/engine';
import { DataSource } from 'typeorm';
import { attributePath, dateRunDay, fallsOn } from './date-audience';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A campaign run's audience, one page at a time, as contact ids in id order: the cursor is the last id served, so
 * a page asked again (a retried activity) is the same page, and contacts that join or leave meanwhile change only
 * pages not served yet. Erased and merged contacts are left out. A date audience reads `pageSize` contacts that
 * have the attribute and answers those whose date falls on the run's day (a page may hold none); its cursor also
 * carries that day, fixed when the first page is read.
 */
@Injectable()
export class AudiencePages {
  constructor(private readonly db: DataSource) {}

  async fetch(input: {
    workspaceId: string;
    audience: CampaignRunAudience;
    cursor: string | null;
    pageSize: number;
  }): Promise<AudiencePage> {
    const { workspaceId, audience, pageSize } = input;
    if (audience.kind === 'date') return this.fetchDate({ ...input, audience });
    const after = input.cursor ?? FIRST_ID;
    const live = `c.workspace_id = $1 AND c.id > $2 AND c.erased_at IS NULL AND c.merged_into IS NULL`;
    // One row more than a page tells whether another page follows.
    const limit = pageSize + 1;
    let rows: Array<{ id: string }>;
    switch (audience.kind) {
      case 'all':
        rows = await this.db.query(`SELECT c.id FROM contacts c WHERE ${live} ORDER BY c.id LIMIT $3`, [
          workspaceId,
          after,
          limit,
        ]);
        break;
      case 'tag':
        rows = await this.db.query(
          `SELECT c.id FROM contacts c WHERE ${live} AND c.tags @> ARRAY[$4::text] ORDER BY c.id LIMIT $3`,
          [workspaceId, after, limit, audience.tag],
        );
        break;
      case 'segment':
        rows = await this.db.query(
          `SELECT c.id FROM segment_memberships m JOIN contacts c ON c.id = m.contact_id
            WHERE m.segment_id = $4 AND m.workspace_id = $1 AND ${live} ORDER BY c.id LIMIT $3`,
          [workspaceId, after, limit, audience.segmentId],
        );
        break;
    }
    const contactIds = rows.slice(0, pageSize).map((row) => row.id);
    const nextCursor = rows.length > pageSize ? (contactIds.at(-1) ?? null) : null;
    return { contactIds, nextCursor };
  }

  private async fetchDate(input: {
    workspaceId: string;
    audience: DateAudience;
    cursor: string | null;
    pageSize: number;
  }): Promise<AudiencePage> {
    const { workspaceId, audience, pageSize } = input;
    const carried = input.cursor ? (JSON.parse(input.cursor) as { on: string; after: string }) : null;
    const on = carried?.on ?? dateRunDay(audience, Date.now());
    const rows = (await this.db.query(
      `SELECT c.id, c.attributes #> $4::text[] AS value FROM contacts c
        WHERE c.workspace_id = $1 AND c.id > $2 AND c.erased_at IS NULL AND c.merged_into IS NULL
          AND c.attributes #> $4::text[] IS NOT NULL
        ORDER BY c.id LIMIT $3`,
      [workspaceId, carried?.after ?? FIRST_ID, pageSize + 1, attributePath(audience.attribute)],
    )) as Array<{ id: string; value: unknown }>;
    const scanned = rows.slice(0, pageSize);
    const last = scanned.at(-1);
    return {
      contactIds: scanned.filter((row) => fallsOn(audience, row.value, on)).map((row) => row.id),
      nextCursor: rows.length > pageSize && last ? JSON.stringify({ on, after: last.id }) : null,
    };
  }
}
