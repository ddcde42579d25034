import type { TokenSaveResult, TokenStore, ZaloTokenPair } from '@loa/connectors';
import type { SecretBox } from '../../secrets/secret-box';
import { sha256Hex, zaloTokensContext } from './zalo-token-row';

/** What the store queries through: the pool (a DataSource) or one connection (a QueryRunner). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface TokenRow {
  tokens_ciphertext: string;
  tokens_key_id: string;
  issued_at: Date;
  access_token_expires_at: Date;
}

/**
 * One channel account's Zalo token pair in PostgreSQL, shared by every process that sends for it. The pair is
 * sealed with the SecretBox; `save` is compare-and-set on the SHA-256 of the stored refresh token, so the check needs
 * no decryption and one UPDATE decides which of two racing refreshes wins. An account marked needs_reconnect has no
 * usable pair: `load` hands a pair out only while the account is connected, so no process keeps refreshing with a
 * refresh token Zalo already refused, nor uses the pair of an OA the account no longer names.
 */
export class PostgresTokenStore implements TokenStore {
  /** The last sealed pair this store opened: a send reads the row every time, but opens it only when it changed. */
  private opened: { sealed: string; tokens: { accessToken: string; refreshToken: string } } | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly box: SecretBox,
    private readonly accountId: string,
    /**
     * The connect callback stores the pair of an account that is not connected yet (or replaces the one of an account
     * that needs reconnecting) before it marks the account connected, so it must see the stored pair whatever the status.
     */
    private readonly options: { evenWhenNotConnected?: boolean } = {},
  ) {}

  async load(): Promise<ZaloTokenPair | undefined> {
    const [row] = (await this.db.query(
      `SELECT t.tokens_ciphertext, t.tokens_key_id, t.issued_at, t.access_token_expires_at
         FROM zalo_oa_tokens t JOIN channel_accounts a ON a.id = t.account_id
        WHERE t.account_id = $1 AND ($2 OR a.status = 'connected')`,
      [this.accountId, this.options.evenWhenNotConnected === true],
    )) as TokenRow[];
    if (!row) {
      this.opened = undefined;
      return undefined;
    }
    const tokens = this.open(row);
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      issuedAt: row.issued_at.getTime(),
      accessTokenExpiresAt: row.access_token_expires_at.getTime(),
    };
  }

  /** The row's pair, opened again only when its ciphertext or key differs from the last one opened (GCM: same bytes, same pair). */
  private open(row: TokenRow): { accessToken: string; refreshToken: string } {
    const sealed = `${row.tokens_key_id}:${row.tokens_ciphertext}`;
    if (this.opened?.sealed === sealed) return this.opened.tokens;
    const tokens = JSON.parse(
      this.box.open(
        { keyId: row.tokens_key_id, ciphertext: row.tokens_ciphertext },
        zaloTokensContext(this.accountId),
      ),
    ) as { accessToken: string; refreshToken: string };
    this.opened = { sealed, tokens };
    return tokens;
  }

  async save(
    _oaId: string,
    pair: ZaloTokenPair,
    { expectedRefreshToken }: { expectedRefreshToken: string | null },
  ): Promise<TokenSaveResult> {
    const sealed = this.box.seal(
      JSON.stringify({ accessToken: pair.accessToken, refreshToken: pair.refreshToken }),
      zaloTokensContext(this.accountId),
    );
    const values = [
      this.accountId,
      sealed.ciphertext,
      sealed.keyId,
      sha256Hex(pair.refreshToken),
      new Date(pair.issuedAt),
      new Date(pair.accessTokenExpiresAt),
    ];
    const written =
      expectedRefreshToken === null
        ? `INSERT INTO zalo_oa_tokens (account_id, tokens_ciphertext, tokens_key_id, refresh_token_sha256, issued_at,
                                       access_token_expires_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id) DO NOTHING RETURNING 1`
        : `UPDATE zalo_oa_tokens
              SET tokens_ciphertext = $2, tokens_key_id = $3, refresh_token_sha256 = $4, issued_at = $5,
                  access_token_expires_at = $6, updated_at = now()
            WHERE account_id = $1 AND refresh_token_sha256 = $7 RETURNING 1`;
    if (expectedRefreshToken !== null) values.push(sha256Hex(expectedRefreshToken));
    const [row] = (await this.db.query(
      `WITH written AS (${written}) SELECT count(*)::int AS count FROM written`,
      values,
    )) as Array<{ count: number }>;
    return row?.count === 1 ? 'saved' : 'conflict';
  }
}
