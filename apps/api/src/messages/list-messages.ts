import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { problems } from '../http/problem';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row';
import { toMessageView, type messageListQuerySchema, type MessageView } from './message-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ListQuery = z.output<typeof messageListQuerySchema>;

/** A page of the ledger, newest first; the cursor is the last row's (created_at, id), opaque to callers. */
export async function listMessages(
  db: DataSource,
  workspaceId: string,
  query: ListQuery,
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  const values: unknown[] = [workspaceId];
  const where = ['workspace_id = $1'];
  const add = (condition: (param: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (query.channel) add((p) => `channel = ${p}`, query.channel);
  if (query.status) add((p) => `status = ${p}`, query.status);
  if (query.contactId) add((p) => `contact_id = ${p}`, query.contactId);
  if (query.campaignId) add((p) => `campaign_id = ${p}`, query.campaignId);
  if (query.accountId) add((p) => `account_id = ${p}`, query.accountId);
  if (query.from) add((p) => `created_at >= ${p}`, query.from);
  if (query.to) add((p) => `created_at < ${p}`, query.to);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor);
    values.push(at, id);
    where.push(
      `(created_at, id) < (timestamptz 'epoch' + $${values.length - 1}::bigint * interval '1 microsecond', $${values.length}::uuid)`,
    );
  }
  values.push(query.limit + 1);
  const rows = (await db.query(
    `SELECT ${MESSAGE_COLUMNS}, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us FROM messages WHERE ${where.join(' AND ')}
      ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
    values,
  )) as Array<MessageRow & { created_us: string }>;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toMessageView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** Microseconds since the epoch, as PostgreSQL keeps them: rows written in the same millisecond are not skipped. */
function encodeCursor(row: MessageRow & { created_us: string }): string {
  return Buffer.from(JSON.stringify([row.created_us, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at === 'string' && /^\d{1,17}$/.test(at) && typeof id === 'string' && UUID.test(id))
      return [at, id];
  } catch {
    // fall through
  }
  throw problems.field('query', 'cursor', 'cursor is not one this API gave');
}
