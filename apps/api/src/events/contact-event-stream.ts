import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A processed event as the per-contact stream yields it. */
export interface StreamEvent {
  seq: string;
  /** Position in the workspace's stream of processed events (the `poll` cursor). */
  processedSeq: string;
  contactId: string;
  messageId: string;
  type: 'track' | 'identify';
  name: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  timestamp: string;
  receivedAt: string;
}

export interface ContactEvents {
  contactId: string;
  /** In `seq` order (the order the events were ingested). */
  events: StreamEvent[];
}

export interface StreamPage {
  contacts: ContactEvents[];
  /** Give it back as `after` to read on; unchanged when nothing new was processed. */
  cursor: string;
}

/**
 * Each contact's events in order, for whatever routes them on (the campaigns' event triggers and waits). `read`
 * gives one contact's events; `poll` gives, by cursor, the events processed since the last call grouped by
 * contact. An event enters the stream once its contact is known, and `poll` never skips one: numbers are handed
 * out under the workspace's processing lock, so none commits behind a cursor already read.
 */
export interface EventStream {
  read(input: {
    workspaceId: string;
    contactId: string;
    afterSeq?: string;
    limit: number;
  }): Promise<StreamEvent[]>;
  poll(input: { workspaceId: string; after?: string; limit: number }): Promise<StreamPage>;
}

interface StreamRow {
  seq: string;
  processed_seq: string;
  contact_id: string;
  message_id: string;
  type: 'track' | 'identify';
  name: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  timestamp: Date;
  received_at: Date;
}

const COLUMNS = `seq::text AS seq, processed_seq::text AS processed_seq, contact_id, message_id, type, name,
                 properties, traits, timestamp, received_at`;

function toStreamEvent(row: StreamRow): StreamEvent {
  return {
    seq: row.seq,
    processedSeq: row.processed_seq,
    contactId: row.contact_id,
    messageId: row.message_id,
    type: row.type,
    name: row.name,
    properties: row.properties,
    traits: row.traits,
    timestamp: new Date(row.timestamp).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

@Injectable()
export class ContactEventStream implements EventStream {
  constructor(private readonly dataSource: DataSource) {}

  async read(input: {
    workspaceId: string;
    contactId: string;
    afterSeq?: string;
    limit: number;
  }): Promise<StreamEvent[]> {
    const rows: StreamRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events
        WHERE workspace_id = $1 AND contact_id = $2 AND seq > $3::bigint AND processed_seq IS NOT NULL
        ORDER BY events.seq LIMIT $4`,
      [input.workspaceId, input.contactId, input.afterSeq ?? '0', input.limit],
    );
    return rows.map(toStreamEvent);
  }

  async poll(input: { workspaceId: string; after?: string; limit: number }): Promise<StreamPage> {
    const after = input.after ?? '0';
    const rows: StreamRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events
        WHERE workspace_id = $1 AND processed_seq > $2::bigint ORDER BY events.processed_seq LIMIT $3`,
      [input.workspaceId, after, input.limit],
    );
    const byContact = new Map<string, StreamEvent[]>();
    for (const event of rows.map(toStreamEvent)) {
      const events = byContact.get(event.contactId);
      if (events) events.push(event);
      else byContact.set(event.contactId, [event]);
    }
    const contacts = [...byContact].map(([contactId, events]) => ({
      contactId,
      events: events.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq))),
    }));
    return { contacts, cursor: rows.at(-1)?.processed_seq ?? after };
  }
}
