import type { JourneyRef } from '@loa/engine';
import type { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The properties of the event the journey entered with (`{{ event.* }}` in templates), found by its id or by the
 * message id it was ingested with; empty without an entry event or when the event is gone.
 */
export async function entryEventProperties(
  db: Pick<DataSource, 'query'>,
  journey: Pick<JourneyRef, 'workspaceId' | 'entryEventId'>,
): Promise<Record<string, unknown>> {
  const { workspaceId, entryEventId } = journey;
  if (entryEventId === undefined || entryEventId === '') return {};
  const byId = UUID.test(entryEventId)
    ? ((await db.query(`SELECT properties FROM events WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        entryEventId,
      ])) as Array<{ properties: Record<string, unknown> }>)
    : [];
  const [row] =
    byId.length > 0
      ? byId
      : ((await db.query(`SELECT properties FROM events WHERE workspace_id = $1 AND message_id = $2`, [
          workspaceId,
          entryEventId,
        ])) as Array<{ properties: Record<string, unknown> }>);
  return row?.properties ?? {};
}
