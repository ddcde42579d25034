import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NewEventRow } from './event-row';

/** An event this insert stored for the first time (a repeated messageId stores nothing). */
export interface StoredEvent {
  workspaceId: string;
  messageId: string;
  seq: string;
}

/**
 * Writes events in one statement. The row is the acknowledgement: once the statement has committed, the event
 * survives a crash of the API or Redis. A messageId seen before in the workspace is skipped, so a client that
 * retries never stores an event twice.
 */
@Injectable()
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(rows: NewEventRow[]): Promise<StoredEvent[]> {
    if (rows.length === 0) return [];
    const stored: { workspace_id: string; message_id: string; seq: string }[] = await this.dataSource.query(
      `INSERT INTO events (workspace_id, message_id, type, name, user_id, anonymous_id, properties, traits, context,
                           timestamp, original_timestamp, sent_at, received_at)
       SELECT r.workspace_id, r.message_id, r.type, r.name, r.user_id, r.anonymous_id, r.properties, r.traits,
              r.context, r.timestamp, r.original_timestamp, r.sent_at, r.received_at
         FROM jsonb_to_recordset($1::jsonb) AS r(
                i integer, workspace_id uuid, message_id text, type text, name text, user_id text, anonymous_id text,
                properties jsonb, traits jsonb, context jsonb, timestamp timestamptz,
                original_timestamp timestamptz, sent_at timestamptz, received_at timestamptz)
        ORDER BY r.i
       ON CONFLICT (workspace_id, message_id) DO NOTHING
       RETURNING workspace_id, message_id, seq`,
      [JSON.stringify(rows.map((row, i) => ({ ...row, i })))],
    );
    return stored.map((row) => ({
      workspaceId: row.workspace_id,
      messageId: row.message_id,
      seq: String(row.seq),
    }));
  }
}
