import type { EntityManager } from 'typeorm';

/** How far back the builder looks for event properties: bounded so the answer stays fast on any workspace. */
export const RECENT_EVENT_BOUNDS = {
  /** The newest events of the workspace read, walking the processed-stream index backwards. */
  events: 10_000,
  /** The newest events of one name whose property keys count. */
  perName: 500,
  names: 100,
  keysPerName: 100,
};

export interface RecentEventProperties {
  name: string;
  lastSeenAt: string;
  properties: Array<{ key: string; types: string[]; seen: number }>;
}

interface KeyRow {
  name: string;
  key: string | null;
  type: string | null;
  seen: number;
  last_seen: Date;
}

/**
 * The property keys of recent track events, per event name, with the JSON types seen for each: read from the
 * newest `RECENT_EVENT_BOUNDS.events` processed events of the workspace, of any type (the limit applies before the
 * filter, so a workspace of mostly identify calls never walks its whole history; an event name absent from those
 * events is not listed) (the `events_processed_stream_idx` index,
 * so no new index weighs on ingestion) received in the last `days` days.
 */
export async function recentEventProperties(
  manager: EntityManager,
  input: { workspaceId: string; days: number; eventName?: string },
): Promise<RecentEventProperties[]> {
  const rows = (await manager.query(
    `WITH newest AS (
       SELECT type, name, properties, received_at
         FROM events
        WHERE workspace_id = $1 AND processed_seq IS NOT NULL
        ORDER BY processed_seq DESC
        LIMIT $2
     ), named AS (
       SELECT name, properties, received_at,
              row_number() OVER (PARTITION BY name ORDER BY received_at DESC) AS rank
         FROM newest
        WHERE type = 'track' AND name IS NOT NULL
          AND received_at > now() - make_interval(days => $3)
          AND ($4::text IS NULL OR name = $4)
     )
     SELECT n.name, p.key, jsonb_typeof(p.value) AS type, count(*)::int AS seen, max(n.received_at) AS last_seen
       FROM named n
       LEFT JOIN LATERAL jsonb_each(
         CASE WHEN jsonb_typeof(n.properties) = 'object' THEN n.properties ELSE '{}'::jsonb END
       ) p ON true
      WHERE n.rank <= $5
      GROUP BY n.name, p.key, jsonb_typeof(p.value)`,
    [
      input.workspaceId,
      RECENT_EVENT_BOUNDS.events,
      input.days,
      input.eventName ?? null,
      RECENT_EVENT_BOUNDS.perName,
    ],
  )) as KeyRow[];
  return groupByEvent(rows);
}

function groupByEvent(rows: KeyRow[]): RecentEventProperties[] {
  const events = new Map<string, { lastSeen: Date; keys: Map<string, { types: string[]; seen: number }> }>();
  for (const row of rows) {
    let event = events.get(row.name);
    if (!event) events.set(row.name, (event = { lastSeen: row.last_seen, keys: new Map() }));
    if (row.last_seen > event.lastSeen) event.lastSeen = row.last_seen;
    if (row.key === null || row.type === null) continue;
    const key = event.keys.get(row.key) ?? { types: [], seen: 0 };
    key.types.push(row.type);
    key.seen += row.seen;
    event.keys.set(row.key, key);
  }
  return [...events.entries()]
    .sort(([a, x], [b, y]) => y.lastSeen.getTime() - x.lastSeen.getTime() || a.localeCompare(b))
    .slice(0, RECENT_EVENT_BOUNDS.names)
    .map(([name, event]) => ({
      name,
      lastSeenAt: event.lastSeen.toISOString(),
      properties: [...event.keys.entries()]
        .sort(([a, x], [b, y]) => y.seen - x.seen || a.localeCompare(b))
        .slice(0, RECENT_EVENT_BOUNDS.keysPerName)
        .map(([key, { types, seen }]) => ({ key, types: types.sort(), seen })),
    }));
}
