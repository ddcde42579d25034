import { eventRulesOf, matchesFilter, type EventSeenRule, type RuleGroup } from '@loa/engine';
import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;
/** Events read per query when a filter has to be applied to their properties. */
const PAGE = 500;

/**
 * How many of the contact's track events each event_seen rule of a condition matches (name, window, filter through
 * the engine's `matchesFilter`), counted only as far as the rule's bounds need: at most max + 1, or min.
 */
export async function countEvents(
  db: Pick<DataSource, 'query'>,
  input: { workspaceId: string; contactId: string; rule: RuleGroup; nowMs: number },
): Promise<Map<EventSeenRule, number>> {
  const counts = new Map<EventSeenRule, number>();
  for (const rule of eventRulesOf(input.rule)) counts.set(rule, await countOne(db, input, rule));
  return counts;
}

async function countOne(
  db: Pick<DataSource, 'query'>,
  input: { workspaceId: string; contactId: string; nowMs: number },
  rule: EventSeenRule,
): Promise<number> {
  const needed = rule.maxCount !== undefined ? rule.maxCount + 1 : (rule.minCount ?? 1);
  if (needed === 0) return 0;
  const from = new Date(input.nowMs - rule.withinDays * DAY_MS).toISOString();
  const to = new Date(input.nowMs).toISOString();
  const scope = `workspace_id = $1 AND contact_id = $2 AND type = 'track' AND name = $3
     AND timestamp >= $4::timestamptz AND timestamp <= $5::timestamptz`;
  const params = [input.workspaceId, input.contactId, rule.event, from, to];
  if (!rule.filter || rule.filter.conditions.length === 0) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM events WHERE ${scope} LIMIT ${needed}) seen`,
      params,
    )) as Array<{ count: number }>;
    return row?.count ?? 0;
  }
  let count = 0;
  let after: { timestamp: string; seq: string } | undefined;
  for (;;) {
    const rows = (await db.query(
      `SELECT properties, timestamp::text AS timestamp, seq::text AS seq FROM events WHERE ${scope}
         ${after ? 'AND (timestamp, seq) < ($6::timestamptz, $7::bigint)' : ''}
       ORDER BY timestamp DESC, seq DESC LIMIT ${PAGE}`,
      after ? [...params, after.timestamp, after.seq] : params,
    )) as Array<{ properties: unknown; timestamp: string; seq: string }>;
    for (const row of rows) {
      if (matchesFilter(rule.filter, row.properties)) count += 1;
      if (count >= needed) return count;
    }
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return count;
    after = { timestamp: last.timestamp, seq: last.seq };
  }
}
