import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { ZaloOAuthClient } from '../oauth/oauth.client';
import { isTransientOAuthFailure } from '../oauth/oauth.errors';
import type { ZaloTokenPair } from './token-pair';
import type { TokenStore } from './token-store';

export type AccessTokenFailure = {
  ok: false;
  /**
   * not_connected: no pair stored for the OA; reauthorization_required: the refresh token is spent or expired, or
   * the app credentials are wrong (an admin must reconnect the OA); unavailable: Zalo OAuth could not be reached.
   */
  kind: 'not_connected' | 'reauthorization_required' | 'unavailable';
  code: string;
  message: string;
};

export type AccessTokenResult = { ok: true; accessToken: string } | AccessTokenFailure;

type TokenAccount = Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'oaId' | 'baseUrls'>;

export interface ZaloTokenManagerOptions {
  store: TokenStore;
  oauth: ZaloOAuthClient;
  /** Refresh this long before the access token expires (default 5 minutes of its 25 hours). */
  refreshMarginMs?: number;
  now?: () => number;
  /**
   * After a refresh token turns out spent (-14014), another process may have refreshed and not saved yet: reload the
   * store this many times, this far apart, before asking for reauthorization.
   */
  reloadAttempts?: number;
  reloadDelayMs?: number;
}

/**
 * Hands out OA access tokens. Zalo refresh tokens are single use, so each OA is refreshed at most once at a time in
 * this process (concurrent callers await the same refresh), the new pair is saved (compare-and-set) before anyone
 * gets the new token, and a process that loses the race adopts the pair the winner saved. Holds no pairs itself:
 * the store does.
 */
export class ZaloTokenManager {
  private readonly inflight = new Map<string, Promise<AccessTokenResult>>();
  /** Bumped when a refresh of the OA finishes, so a load that raced with it is repeated. */
  private readonly generations = new Map<string, number>();
  private readonly now: () => number;
  private readonly refreshMarginMs: number;

  constructor(private readonly options: ZaloTokenManagerOptions) {
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 5 * 60_000;
  }

  /** A token to send with; refreshed first when it expires within the margin. */
  getAccessToken(account: TokenAccount): Promise<AccessTokenResult> {
    return this.withCurrentPair(account, (pair) =>
      pair.accessTokenExpiresAt - this.refreshMarginMs > this.now() ? 'use' : 'refresh',
    );
  }

  /**
   * Zalo rejected `rejectedToken` (-124, -216, -220): refresh, unless the stored token is already a newer one, in
   * which case that one is returned without another refresh.
   */
  refreshAfterRejection(account: TokenAccount, rejectedToken: string): Promise<AccessTokenResult> {
    return this.withCurrentPair(account, (pair) => (pair.accessToken === rejectedToken ? 'refresh' : 'use'));
  }

  private async withCurrentPair(
    account: TokenAccount,
    decide: (pair: ZaloTokenPair) => 'use' | 'refresh',
  ): Promise<AccessTokenResult> {
    const { oaId } = account;
    for (;;) {
      const running = this.inflight.get(oaId);
      if (running) return running;
      const generation = this.generation(oaId);
      const pair = await this.options.store.load(oaId);
      // A refresh started or finished while the store was read: what was read may be stale.
      if (this.inflight.has(oaId) || this.generation(oaId) !== generation) continue;
      if (!pair) {
        return {
          ok: false,
          kind: 'not_connected',
          code: 'loa_oa_not_connected',
          message: 'This Zalo Official Account is not connected yet: an admin must connect it.',
        };
      }
      if (decide(pair) === 'use') return { ok: true, accessToken: pair.accessToken };
      return this.startRefresh(account, pair);
    }
  }

  private startRefresh(account: TokenAccount, pair: ZaloTokenPair): Promise<AccessTokenResult> {
    const { oaId } = account;
    const refresh = this.refresh(account, pair).finally(() => {
      this.inflight.delete(oaId);
      this.generations.set(oaId, this.generation(oaId) + 1);
    });
    this.inflight.set(oaId, refresh);
    return refresh;
  }

  private async refresh(account: TokenAccount, pair: ZaloTokenPair): Promise<AccessTokenResult> {
    const result = await this.options.oauth.refresh({ account, refreshToken: pair.refreshToken });
    if (result.ok) {
      const saved = await this.options.store.save(account.oaId, result.pair, {
        expectedRefreshToken: pair.refreshToken,
      });
      if (saved === 'saved') return { ok: true, accessToken: result.pair.accessToken };
      return this.adoptNewerPair(account.oaId, pair);
    }
    if (result.kind === 'oauth' && result.reason === 'invalid_refresh_token') {
      return this.adoptNewerPair(account.oaId, pair);
    }
    if (isTransientOAuthFailure(result)) {
      // Refreshing ahead of expiry can wait for the next send while the current token still works.
      if (pair.accessTokenExpiresAt > this.now()) return { ok: true, accessToken: pair.accessToken };
      return { ok: false, kind: 'unavailable', code: 'loa_oauth_unavailable', message: result.message };
    }
    return {
      ok: false,
      kind: 'reauthorization_required',
      code:
        result.kind === 'oauth' ? String(result.code) : `http_${result.kind === 'http' ? result.status : 0}`,
      message: `Zalo refused to refresh the OA's token (${result.message}); an admin must reconnect the OA.`,
    };
  }

  /** Another process refreshed first: use the pair it saved, once it is in the store. */
  private async adoptNewerPair(oaId: string, spent: ZaloTokenPair): Promise<AccessTokenResult> {
    const attempts = this.options.reloadAttempts ?? 5;
    const delayMs = this.options.reloadDelayMs ?? 100;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const stored = await this.options.store.load(oaId);
      if (stored && stored.refreshToken !== spent.refreshToken)
        return { ok: true, accessToken: stored.accessToken };
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    return {
      ok: false,
      kind: 'reauthorization_required',
      code: '-14014',
      message: "The OA's refresh token was already used or has expired; an admin must reconnect the OA.",
    };
  }

  private generation(oaId: string): number {
    return this.generations.get(oaId) ?? 0;
  }
}
