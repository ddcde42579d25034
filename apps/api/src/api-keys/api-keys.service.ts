import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { KeyScope } from '../auth/access';
import { ApiKeyAuthenticator } from '../auth/api-key-authenticator';
import type { UserPrincipal } from '../auth/principal';
import { randomToken, tokenHash } from '../auth/tokens';
import { problems } from '../http/problem';

interface ApiKeyRow {
  id: string;
  name: string;
  scope: KeyScope;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** API keys: created by an admin, shown once, stored as a hash, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly audit: AuditService,
  ) {}

  async create(input: { actor: UserPrincipal; name: string; scope: KeyScope }) {
    const key = `loa_${input.scope}_${randomToken(32)}`;
    const prefix = key.slice(0, input.scope.length + 9);
    const row = (
      await this.db.query(
        `INSERT INTO api_keys (workspace_id, name, scope, prefix, token_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, name, scope, prefix, created_at, last_used_at, revoked_at`,
        [input.actor.workspaceId, input.name, input.scope, prefix, tokenHash(key), input.actor.userId],
      )
    )[0] as ApiKeyRow;
    await this.audit.record({
      workspaceId: input.actor.workspaceId,
      actor: input.actor,
      action: 'api_key.created',
      targetKind: 'api_key',
      targetId: row.id,
      details: { name: input.name, scope: input.scope },
    });
    return { ...toApiKey(row), key };
  }

  async list(workspaceId: string) {
    const rows: ApiKeyRow[] = await this.db.query(
      `SELECT id, name, scope, prefix, created_at, last_used_at, revoked_at
         FROM api_keys WHERE workspace_id = $1 ORDER BY created_at DESC`,
      [workspaceId],
    );
    return rows.map(toApiKey);
  }

  async revoke(actor: UserPrincipal, id: string): Promise<void> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND workspace_id = $2 RETURNING id
       ) SELECT id FROM revoked`,
      [id, actor.workspaceId],
    );
    if (rows.length === 0) throw problems.notFound('API key');
    this.authenticator.forgetAll();
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actor,
      action: 'api_key.revoked',
      targetKind: 'api_key',
      targetId: id,
    });
  }
}

function toApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}
