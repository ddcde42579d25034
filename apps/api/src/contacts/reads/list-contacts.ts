import type { EntityManager } from 'typeorm';
import type { ConsentChannel, ConsentState } from '../contact-input';
import { identitiesOf, LIVE, selectRows } from '../contact-store';
import { type ContactRow, type ContactView, toContactView } from '../contact-view';
import { type ContactCursor, type ContactSort, encodeCursor, type SortOrder } from './contact-cursor';
import { escapeLike, parseSearchTerm } from './contact-search';

/** One attribute filter: JSON containment for defined attributes (typed value), text equality otherwise. */
export type AttributeFilter =
  { key: string; value: unknown; typed: true } | { key: string; value: string; typed: false };

export interface ContactListQuery {
  workspaceId: string;
  q?: string;
  tags?: string[];
  hasPhone?: boolean;
  hasEmail?: boolean;
  doNotContact?: boolean;
  consents?: Partial<Record<ConsentChannel, ConsentState>>;
  attributes?: AttributeFilter[];
  sort: ContactSort;
  order: SortOrder;
  limit: number;
  cursor?: ContactCursor;
  /** Also count every contact the filters select (all pages). */
  count?: boolean;
}

export interface ContactPage {
  items: ContactView[];
  nextCursor: string | null;
  total?: number;
}

const SORT_EXPRESSION: Record<ContactSort, { expression: string; type: string }> = {
  created_at: { expression: 'c.created_at', type: 'timestamptz' },
  updated_at: { expression: 'c.updated_at', type: 'timestamptz' },
  name: { expression: "coalesce(c.name, '')", type: 'text' },
};

/**
 * One page of live contacts by keyset pagination on (sort value, id): a row inserted while a caller walks the
 * pages never shifts the rows after the cursor, so each row that existed when the walk began is seen exactly once.
 */
export async function listContacts(manager: EntityManager, query: ContactListQuery): Promise<ContactPage> {
  const params: unknown[] = [query.workspaceId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['c.workspace_id = $1', LIVE];
  if (query.q) where.push(searchCondition(query.q, param));
  if (query.tags?.length) where.push(`c.tags @> ${param(query.tags)}::text[]`);
  if (query.hasPhone !== undefined) where.push(`c.phone IS ${query.hasPhone ? 'NOT ' : ''}NULL`);
  if (query.hasEmail !== undefined) where.push(`c.email IS ${query.hasEmail ? 'NOT ' : ''}NULL`);
  if (query.doNotContact !== undefined) where.push(`c.do_not_contact = ${param(query.doNotContact)}`);
  for (const [channel, state] of Object.entries(query.consents ?? {}))
    where.push(`coalesce(c.consents -> ${param(channel)}::text ->> 'state', 'unknown') = ${param(state)}`);
  for (const filter of query.attributes ?? [])
    where.push(
      filter.typed
        ? `c.attributes @> ${param(JSON.stringify({ [filter.key]: filter.value }))}::jsonb`
        : `c.attributes ->> ${param(filter.key)}::text = ${param(filter.value)}::text`,
    );

  const total = query.count ? await countContacts(manager, where, [...params]) : undefined;
  const sort = SORT_EXPRESSION[query.sort];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.cursor) {
    const comparison = query.order === 'asc' ? '>' : '<';
    where.push(
      `(${sort.expression}, c.id) ${comparison} (${param(query.cursor.value)}::${sort.type}, ${param(query.cursor.id)}::uuid)`,
    );
  }
  const rows = await selectRows<ContactRow & { sort_value: string }>(
    manager,
    `SELECT c.*, (${sort.expression})::text AS sort_value FROM contacts c
      WHERE ${where.join(' AND ')}
      ORDER BY ${sort.expression} ${direction}, c.id ${direction}
      LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const identities = await identitiesOf(
    manager,
    query.workspaceId,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => toContactView(row, identities)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, order: query.order, value: last.sort_value, id: last.id })
        : null,
    ...(total === undefined ? {} : { total }),
  };
}

async function countContacts(manager: EntityManager, where: string[], params: unknown[]): Promise<number> {
  const [row] = await selectRows<{ total: number }>(
    manager,
    `SELECT count(*)::int AS total FROM contacts c WHERE ${where.join(' AND ')}`,
    params,
  );
  return row.total;
}

function searchCondition(q: string, param: (value: unknown) => string): string {
  const term = parseSearchTerm(q);
  const prefix = param(`${escapeLike(term.text)}%`);
  const externalId = `c.external_id LIKE ${prefix}`;
  if (term.kind === 'phone')
    return `(c.phone LIKE ${param(`%${escapeLike(term.digits)}%`)} OR ${externalId})`;
  const wordPrefix = param(`% ${escapeLike(term.text)}%`);
  return `(c.name ILIKE ${prefix} OR c.name ILIKE ${wordPrefix} OR lower(c.email) LIKE lower(${prefix}) OR ${externalId})`;
}
