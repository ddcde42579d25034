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

/**
 * The token manager of one channel account, over its PostgreSQL store. When Zalo refuses the refresh token for
 * good, the account is marked needs_reconnect with the reason: the store then answers no pair, so no process keeps
 * refreshing with it, and the admin sees it in the account list and in GET /health.
 */
export class AccountTokenManager extends ZaloTokenManager {
  constructor(
    private readonly db: DataSource,
    private readonly accountId: string,
    options: Omit<ZaloTokenManagerOptions, 'store'> & { box: SecretBox },
  ) {
    super({ ...options, store: new PostgresTokenStore(db, options.box, accountId) });
  }

  override async getAccessToken(account: TokenAccount): Promise<AccessTokenResult> {
    return this.noticed(await super.getAccessToken(account));
  }

  override async refreshAfterRejection(account: TokenAccount, rejectedToken: string): Promise<AccessTokenResult> {
    return this.noticed(await super.refreshAfterRejection(account, rejectedToken));
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
