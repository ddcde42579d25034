import { Injectable } from '@nestjs/common';
import type { AudiencePage, Audience } from '@loa/engine';
import { DataSource } from 'typeorm';

/**
 * A campaign run's audience, one page at a time, as contact ids in id order: the cursor is the last id served, so
 * a page asked again (a retried activity) is the same page, and contacts that join or leave meanwhile change only
 * pages not served yet. Erased and merged contacts are left out.
 */
@Injectable()
export class AudiencePages {
  constructor(private readonly db: DataSource) {}

  async fetch(input: {
    workspaceId: string;
    audience: Audience;
    cursor: string | null;
    pageSize: number;
  }): Promise<AudiencePage> {
    const { workspaceId, audience, pageSize } = input;
    const after = input.cursor ?? '00000000-0000-0000-0000-000000000000';
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
}
