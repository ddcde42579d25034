import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, type Principal } from '../auth/principal';

export interface AuditEntry {
  workspaceId: string | null;
  actor: Principal | { kind: 'system' } | { kind: 'user'; userId: string };
  action: string;
  targetKind?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Who changed access or people, and when: one row per security-relevant action. Never holds secrets. */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    const actor =
      entry.actor.kind === 'system'
        ? { actorKind: 'system', actorId: null }
        : 'sessionId' in entry.actor || entry.actor.kind === 'api_key'
          ? actorOf(entry.actor as Principal)
          : { actorKind: 'user', actorId: entry.actor.userId };
    await manager.query(
      `INSERT INTO audit_log (workspace_id, actor_kind, actor_id, action, target_kind, target_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.workspaceId,
        actor.actorKind,
        actor.actorId,
        entry.action,
        entry.targetKind ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }
}
