import {
  ZaloTokenManager,
  type AccessTokenResult,
  type ZaloOAuthClient,
  type ZaloOaAccount,
  type ZaloTokenManagerOptions,
} from '@loa/connectors';
import type { DataSource } from 'typeorm';
import type { SecretBox } from '../../secrets/secret-box';
import { PostgresTokenStore } from './postgres-token-store';

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
 * read. A refresh runs under a PostgreSQL advisory lock on the account, so that of all the processes that find the
 * token expired only the first calls Zalo and the others read the pair it saved (the connectors' manager already
 * makes callers within one process share one refresh). When Zalo refuses the refresh token for good, the account is
 * marked needs_reconnect with the reason: the store then answers no pair, so no process keeps refreshing with it, and
 * admins see it in the account list and in GET /health.
 */
export class AccountTokenManager extends ZaloTokenManager {
  private readonly store: PostgresTokenStore;
  private readonly marginMs: number;
  private readonly clock: () => number;
  private locked: Promise<AccessTokenResult> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly accountId: string,
    options: AccountTokenManagerOptions,
  ) {
    const store = new PostgresTokenStore(db, options.box, accountId);
    super({ ...options, store });
    this.store = store;
    this.marginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.clock = options.now ?? Date.now;
  }

  override async getAccessToken(account: TokenAccount): Promise<AccessTokenResult> {
    const pair = await this.store.load().catch(() => undefined);
    if (pair && pair.accessTokenExpiresAt - this.marginMs > this.clock())
      return { ok: true, accessToken: pair.accessToken };
    // Callers in this process that arrive while a locked refresh runs share its outcome.
    if (this.locked) return this.locked;
    return this.noticed(await this.exclusively(() => super.getAccessToken(account)));
  }

  override async refreshAfterRejection(
    account: TokenAccount,
    rejectedToken: string,
  ): Promise<AccessTokenResult> {
    while (this.locked) await this.locked;
    return this.noticed(await this.exclusively(() => super.refreshAfterRejection(account, rejectedToken)));
  }

  /** Runs `work` holding the account's advisory lock, released when its transaction ends. */
  private exclusively(work: () => Promise<AccessTokenResult>): Promise<AccessTokenResult> {
    const run = this.db
      .transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `zalo_oa_tokens:${this.accountId}`,
        ]);
        return work();
      })
      .catch(() => STORE_UNAVAILABLE)
      .finally(() => {
        if (this.locked === run) this.locked = undefined;
      });
    this.locked = run;
    return run;
  }

  private async noticed(result: AccessTokenResult): Promise<AccessTokenResult> {
    if (!result.ok && result.kind === 'reauthorization_required') {
      await markNeedsReconnect(this.db, this.accountId, result.message).catch(() => undefined);
    }
    return result;
  }
}

export async function markNeedsReconnect(db: DataSource, accountId: string, detail: string): Promise<void> {
  await db.query(
    `UPDATE channel_accounts SET status = 'needs_reconnect', status_detail = $2, updated_at = now()
      WHERE id = $1 AND status <> 'needs_reconnect'`,
    [accountId, detail],
  );
}
