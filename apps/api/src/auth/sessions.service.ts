import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from './access';
import { SESSION_ABSOLUTE_TTL_MS, SESSION_IDLE_TTL_MS, SESSION_TOUCH_INTERVAL_MS } from './auth.config';
import { randomToken, tokenHash } from './tokens';

export interface ActiveSession {
  sessionId: string;
  userId: string;
  workspaceId: string;
  role: Role;
  csrfToken: string;
}

interface SessionRow {
  id: string;
  user_id: string;
  workspace_id: string;
  role: Role;
  csrf_token: string;
  touch: boolean;
}

/** Server-side sessions in PostgreSQL: revocable, idle and absolute expiry, role read fresh on every request. */
@Injectable()
export class SessionsService {
  constructor(private readonly db: DataSource) {}

  async create(input: {
    userId: string;
    workspaceId: string;
    ip?: string;
    userAgent?: string;
  }): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_TTL_MS);
    await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, workspace_id, csrf_token, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tokenHash(token),
        input.userId,
        input.workspaceId,
        csrfToken,
        expiresAt,
        input.ip ?? null,
        input.userAgent?.slice(0, 300) ?? null,
      ],
    );
    return { token, csrfToken, expiresAt };
  }

  async authenticate(token: string): Promise<ActiveSession | undefined> {
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id, s.user_id, s.workspace_id, s.csrf_token, m.role,
              s.last_seen_at < now() - make_interval(secs => $3::double precision / 1000) AS touch
         FROM sessions s
         JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id AND m.status = 'active'
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2::double precision / 1000)`,
      [tokenHash(token), SESSION_IDLE_TTL_MS, SESSION_TOUCH_INTERVAL_MS],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.touch) await this.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.id]);
    return {
      sessionId: row.id,
      userId: row.user_id,
      workspaceId: row.workspace_id,
      role: row.role,
      csrfToken: row.csrf_token,
    };
  }

  async switchWorkspace(sessionId: string, workspaceId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET workspace_id = $2 WHERE id = $1`, [sessionId, workspaceId]);
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
  }

  /** Ends a user's sessions (in one workspace, or everywhere), except `keep`. */
  async revokeUser(userId: string, options: { workspaceId?: string; keep?: string } = {}): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL
          AND ($2::uuid IS NULL OR workspace_id = $2) AND ($3::uuid IS NULL OR id <> $3)`,
      [userId, options.workspaceId ?? null, options.keep ?? null],
    );
  }
}
