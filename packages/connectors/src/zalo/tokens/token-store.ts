import type { ZaloTokenPair } from './token-pair';

export type TokenSaveResult = 'saved' | 'conflict';

/**
 * Where each OA's token pair lives, shared by every process that sends for it. `save` is compare-and-set: it
 * writes only when the stored refresh token is still `expectedRefreshToken` (`null` = no pair stored yet), so of two
 * processes that refreshed the same OA only one wins and the other reloads.
 */
export interface TokenStore {
  load(oaId: string): Promise<ZaloTokenPair | undefined>;
  save(
    oaId: string,
    pair: ZaloTokenPair,
    options: { expectedRefreshToken: string | null },
  ): Promise<TokenSaveResult>;
}

/** A TokenStore in memory, for tests and the sandbox demo; PostgreSQL holds the pairs in production. */
export class InMemoryTokenStore implements TokenStore {
  private readonly pairs = new Map<string, ZaloTokenPair>();

  async load(oaId: string): Promise<ZaloTokenPair | undefined> {
    const pair = this.pairs.get(oaId);
    return pair && { ...pair };
  }

  async save(
    oaId: string,
    pair: ZaloTokenPair,
    { expectedRefreshToken }: { expectedRefreshToken: string | null },
  ): Promise<TokenSaveResult> {
    const current = this.pairs.get(oaId)?.refreshToken ?? null;
    if (current !== expectedRefreshToken) return 'conflict';
    this.pairs.set(oaId, { ...pair });
    return 'saved';
  }
}
