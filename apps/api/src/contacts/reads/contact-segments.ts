import type { EntityManager } from 'typeorm';
import type { ContactRow } from '../contact-view';
import { selectRows } from '../contact-store';
import { liveOrMissing } from './contact-lookup';

export interface ContactSegment {
  id: string;
  name: string;
  /** When the contact entered the segment. */
  since: string;
}

/** The segments a live contact of the workspace is a member of now, by name; 404 for any other contact. */
export async function contactSegments(
  manager: EntityManager,
  workspaceId: string,
  contactId: string,
): Promise<ContactSegment[]> {
  const [contact] = await selectRows<ContactRow>(
    manager,
    'SELECT * FROM contacts WHERE workspace_id = $1 AND id = $2',
    [workspaceId, contactId],
  );
  liveOrMissing(contact);
  const rows = await selectRows<{ id: string; name: string; since: Date }>(
    manager,
    `SELECT s.id, s.name, m.since
       FROM segment_memberships m JOIN segments s ON s.id = m.segment_id
      WHERE m.workspace_id = $1 AND m.contact_id = $2
      ORDER BY s.name, s.id`,
    [workspaceId, contactId],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, since: new Date(row.since).toISOString() }));
}
