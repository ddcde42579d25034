import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { problems } from '../http/problem';

/** PostgreSQL's largest bigint, the type of events.seq. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export const contactEventsParamsSchema = z.object({ id: z.uuid() });

export const contactEventsQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[0-9]{1,19}$/, { message: 'must be the nextCursor of a previous page' })
    .refine((cursor) => BigInt(cursor) <= MAX_BIGINT, {
      message: 'must be the nextCursor of a previous page',
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ContactEventsQuery = z.infer<typeof contactEventsQuerySchema>;

export const contactEventSchema = z.object({
  id: z.uuid(),
  messageId: z.string(),
  type: z.enum(['track', 'identify']),
  name: z.string().nullable(),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
  traits: z.record(z.string(), z.unknown()),
  context: z.record(z.string(), z.unknown()),
  timestamp: z.string(),
  originalTimestamp: z.string().nullable(),
  sentAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type ContactEvent = z.infer<typeof contactEventSchema>;

export const contactEventsPageSchema = z.object({
  items: z.array(contactEventSchema),
  nextCursor: z
    .string()
    .nullable()
    .describe('pass as `cursor` for the next (older) page; null on the last page'),
});
export type ContactEventsPage = z.infer<typeof contactEventsPageSchema>;

interface EventRow {
  id: string;
  seq: string;
  message_id: string;
  type: 'track' | 'identify';
  name: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: Date;
  original_timestamp: Date | null;
  sent_at: Date | null;
  received_at: Date;
}

const iso = (value: Date): string => new Date(value).toISOString();
const isoOrNull = (value: Date | null): string | null => (value === null ? null : iso(value));

/** A contact's events, newest first, a page at a time. */
@Injectable()
export class ContactEventHistory {
  constructor(private readonly dataSource: DataSource) {}

  async page(input: {
    workspaceId: string;
    contactId: string;
    query: ContactEventsQuery;
  }): Promise<ContactEventsPage> {
    const contact: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM contacts WHERE id = $1 AND workspace_id = $2',
      [input.contactId, input.workspaceId],
    );
    if (contact.length === 0) throw problems.notFound('Contact');
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT id, seq::text AS seq, message_id, type, name, user_id, anonymous_id, properties, traits, context,
              timestamp, original_timestamp, sent_at, received_at
         FROM events
        WHERE workspace_id = $1 AND contact_id = $2 AND ($3::bigint IS NULL OR seq < $3::bigint)
        ORDER BY events.seq DESC LIMIT $4`,
      [input.workspaceId, input.contactId, input.query.cursor ?? null, input.query.limit + 1],
    );
    const items = rows.slice(0, input.query.limit);
    return {
      items: items.map((row) => ({
        id: row.id,
        messageId: row.message_id,
        type: row.type,
        name: row.name,
        userId: row.user_id,
        anonymousId: row.anonymous_id,
        properties: row.properties,
        traits: row.traits,
        context: row.context,
        timestamp: iso(row.timestamp),
        originalTimestamp: isoOrNull(row.original_timestamp),
        sentAt: isoOrNull(row.sent_at),
        receivedAt: iso(row.received_at),
      })),
      nextCursor: rows.length > input.query.limit ? (items.at(-1)?.seq ?? null) : null,
    };
  }
}
