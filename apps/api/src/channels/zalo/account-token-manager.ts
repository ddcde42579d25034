import {
  ZaloTokenManager,
  type AccessTokenResult,
  type TokenSaveResult,
  type TokenStore,
  type ZaloOAuthClient,
  type ZaloOaAccount,
  type ZaloTokenManagerOptions,
  type ZaloTokenPair,
} from '@loa/connectors';
import type { DataSource, QueryRunner } from 'typeorm';
import type { SecretBox } from '../../secrets/secret-box';
import { PostgresTokenStore, type Queryable } from './postgres-token-store';
import { sha256Hex } from './zalo-token-row';

type TokenAccount = Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'oaId' | 'baseUrls'>;

const STORE_UNAVAILABLE: AccessTokenResult = {
  ok: false,
  kind: 'unavailable',
  code: 'loa_token_store_unavailable',
  message: "The OA's token store could not be read or written; the message will be retried.",
};

export type AccountTokenManagerOptions = Omit<ZaloTokenManagerOptions, 'store' | 'oauth'> & {
  box: SecretBox;
  oauth: ZaloOAuthClient;
};

/**
 * The token manager of one channel account, over its PostgreSQL store. A valid stored token is handed out with one
 * read. A refresh runs on one dedicated connection holding a PostgreSQL advisory lock on the account, so that of all
 * the processes that find the token expired only the first calls Zalo and the others read the pair it saved (the
 * connectors' manager already makes callers within one process share one refresh). Everything the refresh reads and
 * writes goes through that connection: a refresh never waits for a second one, so refreshes of many accounts at once
 * cannot exhaust the pool. When Zalo says the refresh token is dead, the account is marked needs_reconnect with the
 * reason, but only while that token is still the stored one (an admin may have reconnected meanwhile): the store
 * then answers no pair, so no process keeps refreshing with it, and admins see it in the account list and in
 * GET /health.
 */
export class AccountTokenManager extends ZaloTokenManager {
  private readonly store: PostgresTokenStore;
  private readonly box: SecretBox;
  private readonly locked: LockedStore;
  private readonly marginMs: number;
  private readonly clock: () => number;
  private running: Promise<AccessTokenResult> | undefined;
  private reading: Promise<ZaloTokenPair | undefined> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly accountId: string,
    options: AccountTokenManagerOptions,
  ) {
    const locked = new LockedStore();
    super({ ...options, store: locked });
    this.locked = locked;
    this.box = options.box;
    this.store = new PostgresTokenStore(db, options.box, accountId);
    this.marginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.clock = options.now ?? Date.now;
  }

  override async getAccessToken(account: TokenAccount): Promise<AccessTokenResult> {
    const pair = await this.storedPair();
    if (pair && pair.accessTokenExpiresAt - this.marginMs > this.clock())
      return { ok: true, accessToken: pair.accessToken };
    // Callers in this process that arrive while a locked refresh runs share its outcome.
    if (this.running) return this.running;
    return this.exclusively(() => super.getAccessToken(account));
  }

  /** The stored pair; sends that ask while a read is under way share it (a batch's sends ask together). */
  private storedPair(): Promise<ZaloTokenPair | undefined> {
    if (!this.reading) {
      const reading = this.store
        .load()
        .catch(() => undefined)
        .finally(() => {
          if (this.reading === reading) this.reading = undefined;
        });
      this.reading = reading;
    }
    return this.reading;
  }

  override async refreshAfterRejection(
    account: TokenAccount,
    rejectedToken: string,
  ): Promise<AccessTokenResult> {
    while (this.running) await this.running;
    return this.exclusively(() => super.refreshAfterRejection(account, rejectedToken));
  }

  /** Runs `work` on a connection of its own that holds the account's advisory lock for the whole of it. */
  private exclusively(work: () => Promise<AccessTokenResult>): Promise<AccessTokenResult> {
    const run = this.onOwnConnection(async (runner) => {
      const store = new PostgresTokenStore(runner, this.box, this.accountId);
      const { result, lastPair } = await this.locked.during(store, work);
      if (!result.ok && result.kind === 'reauthorization_required' && lastPair)
        await markNeedsReconnect(runner, this.accountId, lastPair.refreshToken, result.message).catch(
          () => undefined,
        );
      return result;
    })
      .catch(() => STORE_UNAVAILABLE)
      .finally(() => {
        if (this.running === run) this.running = undefined;
        this.reading = undefined;
      });
    this.running = run;
    // Reads begun before this refresh may answer the pair it replaces: nobody joins them any more.
    this.reading = undefined;
    return run;
  }

  private async onOwnConnection<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    const key = `zalo_oa_tokens:${this.accountId}`;
    let broken: Error | undefined;
    try {
      await runner.connect();
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [key]);
      try {
        return await work(runner);
      } finally {
        await runner
          .query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key])
          .catch((error: unknown) => {
            // A connection that may still hold the lock must not go back to the pool.
            broken = error instanceof Error ? error : new Error(String(error));
          });
      }
    } finally {
      await releaseRunner(runner, broken);
    }
  }
}

/** Back to the pool, or destroyed when `broken` (pg-pool then never hands the connection out again). */
async function releaseRunner(runner: QueryRunner, broken: Error | undefined): Promise<void> {
  if (!broken) return runner.release();
  const postgres = runner as QueryRunner & { releasePostgresConnection?: (error: Error) => Promise<void> };
  if (postgres.releasePostgresConnection) return postgres.releasePostgresConnection(broken);
  return runner.release();
}

/**
 * The store the connectors' manager sees: the account's store on the locked connection while a refresh runs, and
 * nothing otherwise (a read outside the lock would need a second connection). Remembers the last pair it read, the
 * one a failed refresh was made with.
 */
class LockedStore implements TokenStore {
  private current: { store: PostgresTokenStore; lastPair?: ZaloTokenPair } | undefined;

  async during(
    store: PostgresTokenStore,
    work: () => Promise<AccessTokenResult>,
  ): Promise<{ result: AccessTokenResult; lastPair?: ZaloTokenPair }> {
    const current: { store: PostgresTokenStore; lastPair?: ZaloTokenPair } = { store };
    this.current = current;
    try {
      const result = await work();
      return { result, lastPair: current.lastPair };
    } finally {
      this.current = undefined;
    }
  }

  async load(): Promise<ZaloTokenPair | undefined> {
    const current = this.active();
    const pair = await current.store.load();
    if (pair) current.lastPair = pair;
    return pair;
  }

  save(
    oaId: string,
    pair: ZaloTokenPair,
    options: { expectedRefreshToken: string | null },
  ): Promise<TokenSaveResult> {
    return this.active().store.save(oaId, pair, options);
  }

  private active() {
    if (!this.current) throw new Error('The OA token store is read only under the refresh lock');
    return this.current;
  }
}

/**
 * Marks the account needs_reconnect because Zalo refused `deadRefreshToken` for good: only while the account is
 * connected with that very refresh token (a reconnect or an identity change since replaced or dropped it).
 */
export async function markNeedsReconnect(
  db: Queryable,
  accountId: string,
  deadRefreshToken: string,
  detail: string,
): Promise<void> {
  await db.query(
    `UPDATE channel_accounts a SET status = 'needs_reconnect', status_detail = $2, updated_at = now()
      WHERE a.id = $1 AND a.status = 'connected'
        AND EXISTS (SELECT 1 FROM zalo_oa_tokens t WHERE t.account_id = a.id AND t.refresh_token_sha256 = $3)`,
    [accountId, detail, sha256Hex(deadRefreshToken)],
  );
}
