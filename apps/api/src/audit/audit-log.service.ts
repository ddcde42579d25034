import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditLogEntry, AuditLogQuery } from './audit-log.schemas';

interface AuditLogRow {
  id: string;
  at: Date;
  actor_kind: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
}

/** Reads a workspace's audit log, newest first, a page at a time (the cursor is the last entry's id). */
@Injectable()
export class AuditLogService {
  constructor(private readonly db: DataSource) {}

  async page(workspaceId: string, query: AuditLogQuery) {
    const rows: AuditLogRow[] = await this.db.query(
      `SELECT a.id::text AS id, a.at, a.actor_kind, a.actor_id, a.action, a.target_kind, a.target_id, a.details,
              coalesce(u.name, k.name) AS actor_name
         FROM audit_log a
         LEFT JOIN users u ON a.actor_kind = 'user' AND u.id = a.actor_id
         LEFT JOIN api_keys k ON a.actor_kind = 'api_key' AND k.id = a.actor_id
        WHERE a.workspace_id = $1
          AND ($2::uuid IS NULL OR a.actor_id = $2)
          AND ($3::text IS NULL OR a.target_kind = $3)
          AND ($4::timestamptz IS NULL OR a.at >= $4)
          AND ($5::timestamptz IS NULL OR a.at < $5)
          AND ($6::bigint IS NULL OR a.id < $6)
        ORDER BY a.id DESC
        LIMIT $7`,
      [
        workspaceId,
        query.actorId ?? null,
        query.targetKind ?? null,
        query.from ?? null,
        query.to ?? null,
        query.cursor ?? null,
        query.limit + 1,
      ],
    );
    const items = rows.slice(0, query.limit).map(toEntry);
    return {
      items,
      nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null,
    };
  }
}

function toEntry(row: AuditLogRow): AuditLogEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    details: row.details,
  };
}
