import type { ZaloDirectory } from './zalo-directory';
import type { IdFactory } from './ids';

const REFRESH_TTL_MS = 90 * 24 * 60 * 60 * 1000;
const CODE_TTL_MS = 10 * 60 * 1000;
export const ACCESS_TOKEN_TTL_SECONDS = 90000;

interface AccessToken {
  oaId: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshToken {
  appId: string;
  oaId: string;
  expiresAt: number;
  used: boolean;
}

interface AuthorizationCode {
  appId: string;
  oaId: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
}

export type AccessCheck =
  { ok: true; oaId: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** OAuth v4 state: authorization codes, single-use refresh tokens and access tokens (providers.md §1). */
export class ZaloTokens {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly params: {
      directory: ZaloDirectory;
      ids: IdFactory;
      now: number;
      revokeOldAccessToken: boolean;
      /** Minted tokens begin with it (SandboxOptions.zaloTokenPrefix). */
      tokenPrefix: string;
    },
  ) {
    for (const oa of params.directory.oas.values()) {
      const ttl = (oa.seed.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS) * 1000;
      this.access.set(oa.seed.accessToken, {
        oaId: oa.seed.oaId,
        expiresAt: params.now + ttl,
        revoked: false,
      });
      this.refresh.set(oa.seed.refreshToken, {
        appId: oa.app.appId,
        oaId: oa.seed.oaId,
        expiresAt: params.now + REFRESH_TTL_MS,
        used: false,
      });
    }
  }

  checkAccess(token: string | undefined, now: number): AccessCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const record = this.access.get(token);
    if (!record || record.revoked) return { ok: false, reason: 'invalid' };
    if (record.expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, oaId: record.oaId };
  }

  issueCode(input: { appId: string; oaId: string; codeChallenge?: string; now: number }): string {
    const code = `sandbox-code-${this.params.ids.secret()}`;
    this.codes.set(code, {
      appId: input.appId,
      oaId: input.oaId,
      codeChallenge: input.codeChallenge,
      expiresAt: input.now + CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  /** Consumes a code: single use, 10 minutes, same app. */
  takeCode(input: { code: string; appId: string; now: number }): AuthorizationCode | undefined {
    const record = this.codes.get(input.code);
    if (!record || record.used || record.expiresAt <= input.now || record.appId !== input.appId)
      return undefined;
    record.used = true;
    return record;
  }

  /** Consumes a refresh token; undefined when it is unknown, used, expired or another app's. */
  takeRefreshToken(input: { refreshToken: string; appId: string; now: number }): RefreshToken | undefined {
    const record = this.refresh.get(input.refreshToken);
    if (!record || record.used || record.expiresAt <= input.now || record.appId !== input.appId)
      return undefined;
    record.used = true;
    return record;
  }

  issuePair(input: { appId: string; oaId: string; now: number }): TokenPair {
    if (this.params.revokeOldAccessToken) {
      for (const record of this.access.values()) if (record.oaId === input.oaId) record.revoked = true;
    }
    const accessToken = `${this.params.tokenPrefix}-at-${this.params.ids.secret()}`;
    const refreshToken = `${this.params.tokenPrefix}-rt-${this.params.ids.secret()}`;
    this.access.set(accessToken, {
      oaId: input.oaId,
      expiresAt: input.now + ACCESS_TOKEN_TTL_SECONDS * 1000,
      revoked: false,
    });
    this.refresh.set(refreshToken, {
      appId: input.appId,
      oaId: input.oaId,
      expiresAt: input.now + REFRESH_TTL_MS,
      used: false,
    });
    return { accessToken, refreshToken };
  }

  /** Every access token of the OA (all OAs when omitted) expires at `now`. */
  expire(input: { oaId?: string; now: number }): void {
    for (const record of this.access.values()) {
      if (input.oaId === undefined || record.oaId === input.oaId)
        record.expiresAt = Math.min(record.expiresAt, input.now);
    }
  }
}
