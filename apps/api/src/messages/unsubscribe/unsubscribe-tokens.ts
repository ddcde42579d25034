import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * One opaque token per contact for RFC 8058 one-click unsubscribe: 192 random bits, stored, never derived from the
 * address, so the URL in a mail says nothing about its recipient and cannot be guessed.
 */
export class UnsubscribeTokens {
  constructor(private readonly db: DataSource) {}

  async tokenFor(workspaceId: string, contactId: string): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO unsubscribe_tokens (token, workspace_id, contact_id) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, contact_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id
       RETURNING token`,
      [randomBytes(24).toString('base64url'), workspaceId, contactId],
    )) as Array<{ token: string }>;
    return row.token;
  }

  async find(
    token: string,
  ): Promise<{ workspaceId: string; contactId: string; usedAt: Date | null } | undefined> {
    const [row] = (await this.db.query(
      `SELECT workspace_id, contact_id, used_at FROM unsubscribe_tokens WHERE token = $1`,
      [token],
    )) as Array<{ workspace_id: string; contact_id: string; used_at: Date | null }>;
    return row && { workspaceId: row.workspace_id, contactId: row.contact_id, usedAt: row.used_at };
  }

  async markUsed(token: string): Promise<void> {
    await this.db.query(`UPDATE unsubscribe_tokens SET used_at = coalesce(used_at, now()) WHERE token = $1`, [
      token,
    ]);
  }
}
