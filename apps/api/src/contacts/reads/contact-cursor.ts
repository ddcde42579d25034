import { DateTime } from 'luxon';
import { z } from 'zod';

export const CONTACT_SORTS = ['created_at', 'updated_at', 'name'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** Where a page ended: the last row's sort value (as PostgreSQL prints it, so no precision is lost) and id. */
export interface ContactCursor {
  sort: ContactSort;
  order: SortOrder;
  value: string;
  id: string;
}

const cursorSchema = z
  .object({
    s: z.enum(CONTACT_SORTS),
    o: z.enum(['asc', 'desc']),
    v: z.string().refine((value) => !value.includes('\u0000')),
    i: z.uuid(),
  })
  // A forged value PostgreSQL cannot cast to the sort column's type must not reach the query.
  .refine((cursor) => cursor.s === 'name' || DateTime.fromSQL(cursor.v).isValid);

/** An opaque token for the page after `cursor`. */
export function encodeCursor(cursor: ContactCursor): string {
  const payload = { s: cursor.sort, o: cursor.order, v: cursor.value, i: cursor.id };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The cursor a token stands for, or null when it is not one of ours. */
export function decodeCursor(token: string): ContactCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    return { sort: parsed.data.s, order: parsed.data.o, value: parsed.data.v, id: parsed.data.i };
  } catch {
    return null;
  }
}
