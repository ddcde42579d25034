import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { backOff } from 'exponential-backoff';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { ZaloOAuthClient } from '../oauth/oauth.client';
import { isDeadGrant } from '../oauth/oauth.errors';
import {
  NOT_CONNECTED,
  oauthUnavailable,
  reauthorizationRequired,
  refreshRefused,
  TOKEN_STORE_UNAVAILABLE,
  type AccessTokenFailure,
  type AccessTokenResult,
} from './access-token-result';
import type { ZaloTokenPair } from './token-pair';
import type { TokenSaveResult, TokenStore } from './token-store';

export type { AccessTokenFailure, AccessTokenResult } from './access-token-result';

type TokenAccount = Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'oaId' | 'baseUrls'>;

export interface ZaloTokenManagerOptions {
  store: TokenStore;
  oauth: ZaloOAuthClient;
  /** Refresh this long before the access token expires (default 5 minutes of its 25 hours). */
  refreshMarginMs?: number;
  now?: () => number;
  /**
   * After Zalo refuses a refresh token, another process may have refreshed with it and not saved yet: reload the
   * store this many times (default 5), this far apart (default 100 ms), before asking for reauthorization.
   */
  reloadAttempts?: number;
  reloadDelayMs?: number;
  /**
   * A store write that throws after a refresh is tried this many times in all (default 5), backing off from
   * saveDelayMs (default 200 ms, doubling, full jitter). The refresh already spent the old refresh token, so the
   * new pair is kept in memory and saved again by the next caller if every attempt fails.
   */
  saveAttempts?: number;
  saveDelayMs?: number;
}

/** A refreshed pair the store has not accepted yet: the only copy of the OA's live refresh token. */
interface UnsavedPair {
  pair: ZaloTokenPair;
  expectedRefreshToken: string;
}

/** A refresh token Zalo refused, remembered with the app settings it was refused under. */
interface DeadRefreshToken {
  refreshToken: string;
  settings: string;
  failure: AccessTokenFailure;
}

/**
 * Hands out OA access tokens. Zalo refresh tokens are single use, so each OA is refreshed at most once at a time in
 * this process (concurrent callers await the same refresh), the new pair is saved (compare-and-set) before anyone
 * gets the new token, and a process that loses the race adopts the pair the winner saved. Pairs live in the store;
 * the manager holds one only while the store refuses to take it.
 */
export class ZaloTokenManager {
  private readonly inflight = new Map<string, Promise<AccessTokenResult>>();
  /** Bumped when a refresh of the OA finishes, so a load that raced with it is repeated. */
  private readonly generations = new Map<string, number>();
  private readonly unsaved = new Map<string, UnsavedPair>();
  private readonly dead = new Map<string, DeadRefreshToken>();
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
   * which case that one is returned without another refresh. Never hands back `rejectedToken`.
   */
  async refreshAfterRejection(account: TokenAccount, rejectedToken: string): Promise<AccessTokenResult> {
    const result = await this.withCurrentPair(account, (pair) =>
      pair.accessToken === rejectedToken ? 'refresh' : 'use',
    );
    // A refresh that could not reach Zalo OAuth keeps the current token while the clock says it is valid.
    if (result.ok && result.accessToken === rejectedToken) {
      return oauthUnavailable(
        "Zalo refused the OA's access token and Zalo OAuth could not be reached to replace it; the message will be retried.",
      );
    }
    return result;
  }

  private async withCurrentPair(
    account: TokenAccount,
    decide: (pair: ZaloTokenPair) => 'use' | 'refresh',
  ): Promise<AccessTokenResult> {
    const { oaId } = account;
    for (;;) {
      const running = this.inflight.get(oaId);
      if (running) return running;
      const unsaved = this.unsaved.get(oaId);
      if (unsaved) {
        const saved = await this.track(oaId, this.savePair(oaId, unsaved));
        if (!saved.ok) return saved;
        continue;
      }
      const generation = this.generation(oaId);
      let pair: ZaloTokenPair | undefined;
      try {
        pair = await this.options.store.load(oaId);
      } catch {
        return TOKEN_STORE_UNAVAILABLE;
      }
      // A refresh started or finished while the store was read: what was read may be stale.
      if (this.inflight.has(oaId) || this.generation(oaId) !== generation) continue;
      if (!pair) return NOT_CONNECTED;
      if (decide(pair) === 'use') return { ok: true, accessToken: pair.accessToken };
      return this.knownDead(account, pair) ?? this.track(oaId, this.refresh(account, pair));
    }
  }

  /** Makes `work` the OA's in-flight operation, which every other caller for the OA awaits. */
  private track(oaId: string, work: Promise<AccessTokenResult>): Promise<AccessTokenResult> {
    const tracked = work.finally(() => {
      this.inflight.delete(oaId);
      this.generations.set(oaId, this.generation(oaId) + 1);
    });
    this.inflight.set(oaId, tracked);
    return tracked;
  }

  private async refresh(account: TokenAccount, pair: ZaloTokenPair): Promise<AccessTokenResult> {
    const result = await this.options.oauth.refresh({ account, refreshToken: pair.refreshToken });
    if (result.ok) {
      return this.savePair(account.oaId, { pair: result.pair, expectedRefreshToken: pair.refreshToken });
    }
    // An HTTP error fails this refresh only: the refresh token was not spent, so the next caller tries again.
    if (result.kind !== 'oauth') {
      // Refreshing ahead of expiry can wait for the next send while the current token still works.
      if (pair.accessTokenExpiresAt > this.now()) return { ok: true, accessToken: pair.accessToken };
      return oauthUnavailable(result.message);
    }
    // Zalo's code for a spent refresh token is not settled (providers.md §1 ⚠): whatever the code, another
    // process may have refreshed with the same token first.
    const adopted = await this.adoptNewerPair(account.oaId, pair.refreshToken);
    if (adopted) return adopted;
    // Remembered either way: the same refresh token under the same app settings gets the same answer.
    const failure = isDeadGrant(result)
      ? reauthorizationRequired(String(result.code), result.message)
      : refreshRefused(String(result.code), result.message);
    this.dead.set(account.oaId, { refreshToken: pair.refreshToken, settings: settingsOf(account), failure });
    return failure;
  }

  /** The failure a refresh with this pair already ended in, unless the pair or the app settings changed since. */
  private knownDead(account: TokenAccount, pair: ZaloTokenPair): AccessTokenFailure | undefined {
    const dead = this.dead.get(account.oaId);
    if (!dead) return undefined;
    if (dead.refreshToken === pair.refreshToken && dead.settings === settingsOf(account)) return dead.failure;
    this.dead.delete(account.oaId);
    return undefined;
  }

  private async savePair(oaId: string, unsaved: UnsavedPair): Promise<AccessTokenResult> {
    const { pair, expectedRefreshToken } = unsaved;
    let saved: TokenSaveResult;
    try {
      saved = await backOff(() => this.options.store.save(oaId, pair, { expectedRefreshToken }), {
        numOfAttempts: this.options.saveAttempts ?? 5,
        startingDelay: this.options.saveDelayMs ?? 200,
        timeMultiple: 2,
        jitter: 'full',
      });
    } catch {
      this.unsaved.set(oaId, unsaved);
      return TOKEN_STORE_UNAVAILABLE;
    }
    this.unsaved.delete(oaId);
    if (saved === 'saved') return { ok: true, accessToken: pair.accessToken };
    // The pair was replaced meanwhile (an admin reconnected the OA): the stored one is the newer.
    return (await this.adoptNewerPair(oaId, expectedRefreshToken)) ?? TOKEN_STORE_UNAVAILABLE;
  }

  /** Another process refreshed first: use the pair it saved, once it is in the store. */
  private async adoptNewerPair(
    oaId: string,
    spentRefreshToken: string,
  ): Promise<AccessTokenResult | undefined> {
    const attempts = this.options.reloadAttempts ?? 5;
    const delayMs = this.options.reloadDelayMs ?? 100;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0) await sleep(delayMs);
      let stored: ZaloTokenPair | undefined;
      try {
        stored = await this.options.store.load(oaId);
      } catch {
        continue;
      }
      if (stored && stored.refreshToken !== spentRefreshToken)
        return { ok: true, accessToken: stored.accessToken };
    }
    return undefined;
  }

  private generation(oaId: string): number {
    return this.generations.get(oaId) ?? 0;
  }
}

/** The app settings a refresh depends on, hashed so the app secret is not kept a second time. */
function settingsOf(account: TokenAccount): string {
  return createHash('sha256')
    .update(`${account.appId}\0${account.appSecret}\0${account.baseUrls.oauth}`)
    .digest('hex');
}
