import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  createHttpClient,
  ZaloOAuthClient,
  zaloOaAccountSchema,
  type AccessTokenFailure,
  type HttpClient,
  type ZaloOaAccount,
  type ZaloTokenManager,
} from '@loa/connectors';
import { DataSource } from 'typeorm';
import { problems } from '../../http/problem';
import { SecretBox } from '../../secrets/secret-box';
import type { ChannelAccountRow } from '../channel-account-row';
import { ChannelAccountsService } from '../channel-accounts.service';
import { AccountTokenManager } from './account-token-manager';

/** A Zalo OA channel account ready to call Zalo: its connector settings and its token manager. */
export interface ZaloOaHandle {
  row: ChannelAccountRow;
  account: ZaloOaAccount;
  /** Give it to the connectors (ZnsConnector, ZaloOaConnector, ZnsTemplateCatalog) as their `tokens`. */
  tokens: ZaloTokenManager;
  http: HttpClient;
}

/**
 * Access to the workspace's Zalo OAs for the rest of the API (send service, template sync, webhooks): one token
 * manager per account in this process, each over the account's pair in PostgreSQL, so that every process shares
 * the pair and only one refresh of a pair reaches Zalo.
 */
@Injectable()
export class ZaloAccess implements OnModuleDestroy {
  readonly http: HttpClient = createHttpClient({ timeoutMs: 10_000 });
  readonly oauth = new ZaloOAuthClient({ http: this.http });
  private readonly managers = new Map<string, AccountTokenManager>();

  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly accounts: ChannelAccountsService,
  ) {}

  /**
   * Checks that the account is a Zalo OA of the workspace (404 outside it, 409 when it is another kind) without
   * opening its secrets: for reads of what was synced, which need no token.
   */
  async assertZaloOa(workspaceId: string, accountId: string): Promise<void> {
    const [row] = (await this.db.query(
      `SELECT kind FROM channel_accounts WHERE id = $1 AND workspace_id = $2`,
      [accountId, workspaceId],
    )) as Array<{ kind: string }>;
    if (!row) throw problems.notFound('Channel account');
    if (row.kind !== 'zalo_oa') throw notZaloOa();
  }

  /** The account with its secrets opened (404 outside the workspace, 409 when it is not a Zalo OA). */
  async forAccount(workspaceId: string, accountId: string): Promise<ZaloOaHandle> {
    const { row, config } = await this.accounts.forSending(workspaceId, accountId);
    if (row.kind !== 'zalo_oa') throw notZaloOa();
    return {
      row,
      account: zaloOaAccountSchema.parse(config),
      tokens: this.tokensFor(row.id),
      http: this.http,
    };
  }

  /** Runs `call` with a valid access token of the OA, or answers why there is none. */
  async withAccessToken<T>(
    workspaceId: string,
    accountId: string,
    call: (accessToken: string, handle: ZaloOaHandle) => Promise<T>,
  ): Promise<{ ok: true; value: T } | AccessTokenFailure> {
    const handle = await this.forAccount(workspaceId, accountId);
    const token = await handle.tokens.getAccessToken(handle.account);
    if (!token.ok) return token;
    return { ok: true, value: await call(token.accessToken, handle) };
  }

  tokensFor(accountId: string): ZaloTokenManager {
    let manager = this.managers.get(accountId);
    if (!manager) {
      manager = new AccountTokenManager(this.db, accountId, { box: this.box, oauth: this.oauth });
      this.managers.set(accountId, manager);
    }
    return manager;
  }

  async onModuleDestroy(): Promise<void> {
    await this.http.close();
  }
}

function notZaloOa() {
  return problems.conflict('This channel account is not a Zalo Official Account');
}
