import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { KeyScope } from './access';
import { API_KEY_CACHE_TTL_MS, API_KEY_TOUCH_INTERVAL_MS } from './auth.config';
import type { ApiKeyPrincipal } from './principal';
import { tokenHash } from './tokens';

type CachedKey = ApiKeyPrincipal | 'invalid';

/**
 * Resolves a presented API key. Keys are looked up by their SHA-256 and kept a few seconds in memory, so that
 * ingestion at thousands of requests per second costs no database round trip per request; a key revoked in this
 * process stops at once, in another process within API_KEY_CACHE_TTL_MS.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new LRUCache<string, CachedKey>({ max: 10_000, ttl: API_KEY_CACHE_TTL_MS });
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly db: DataSource) {}

  async authenticate(key: string): Promise<ApiKeyPrincipal | undefined> {
    const hash = tokenHash(key);
    let found = this.cache.get(hash);
    if (found === undefined) {
      const rows: Array<{ id: string; workspace_id: string; scope: KeyScope }> = await this.db.query(
        `SELECT id, workspace_id, scope FROM api_keys WHERE token_hash = $1 AND revoked_at IS NULL`,
        [hash],
      );
      const row = rows[0];
      found = row
        ? { kind: 'api_key', keyId: row.id, workspaceId: row.workspace_id, scope: row.scope }
        : 'invalid';
      this.cache.set(hash, found);
    }
    if (found === 'invalid') return undefined;
    this.touch(found.keyId);
    return found;
  }

  forgetAll(): void {
    this.cache.clear();
  }

  private touch(keyId: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(keyId) ?? 0) < API_KEY_TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(keyId, now);
    void this.db
      .query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [keyId])
      .catch(() => undefined);
  }
}
