import { z } from 'zod';
import { networkErrorCode, type HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { ZaloTokenPair } from '../tokens/token-pair';
import { oauthReasonFor, type ZaloOAuthFailure } from './oauth.errors';

export type ZaloOAuthResult = { ok: true; pair: ZaloTokenPair } | ZaloOAuthFailure;

type OAuthAccount = Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'baseUrls'>;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // Zalo sends a string ("90000").
  expires_in: z.coerce.number().int().positive(),
});

const errorResponseSchema = z.object({
  error: z.coerce.number(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

/** The consent page an OA admin opens to connect the OA (providers.md §1). */
export function buildZaloConsentUrl({
  account,
  redirectUri,
  codeChallenge,
  state,
}: {
  account: Pick<ZaloOaAccount, 'appId' | 'baseUrls'>;
  redirectUri: string;
  codeChallenge: string;
  state: string;
}): string {
  const query = new URLSearchParams({
    app_id: account.appId,
    redirect_uri: redirectUri,
    code_challenge: codeChallenge,
    state,
  });
  return `${account.baseUrls.oauth}/oa/permission?${query.toString()}`;
}

/** OAuth v4 token endpoint: authorization-code exchange and refresh. Holds no credentials between calls. */
export class ZaloOAuthClient {
  constructor(private readonly deps: { http: HttpClient; now?: () => number }) {}

  exchangeCode({
    account,
    code,
    codeVerifier,
  }: {
    account: OAuthAccount;
    code: string;
    codeVerifier: string;
  }): Promise<ZaloOAuthResult> {
    return this.requestToken(account, {
      code,
      app_id: account.appId,
      grant_type: 'authorization_code',
      code_verifier: codeVerifier,
    });
  }

  refresh({
    account,
    refreshToken,
  }: {
    account: OAuthAccount;
    refreshToken: string;
  }): Promise<ZaloOAuthResult> {
    return this.requestToken(account, {
      refresh_token: refreshToken,
      app_id: account.appId,
      grant_type: 'refresh_token',
    });
  }

  private async requestToken(account: OAuthAccount, form: Record<string, string>): Promise<ZaloOAuthResult> {
    const now = this.deps.now ?? Date.now;
    let response;
    try {
      response = await this.deps.http.send({
        method: 'POST',
        url: `${account.baseUrls.oauth}/oa/access_token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: account.appSecret },
        body: new URLSearchParams(form).toString(),
      });
    } catch (error) {
      const code = networkErrorCode(error) ?? 'network_error';
      return { ok: false, kind: 'network', code, message: `Zalo OAuth could not be reached (${code}).` };
    }
    if (response.status !== 200) {
      return {
        ok: false,
        kind: 'http',
        status: response.status,
        message: `Zalo OAuth answered HTTP ${response.status}.`,
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return {
        ok: false,
        kind: 'invalid_response',
        message: 'Zalo OAuth answered with a body that is not JSON.',
      };
    }
    const error = errorResponseSchema.safeParse(body);
    if (error.success && error.data.error !== 0) {
      const reason = oauthReasonFor(error.data.error);
      const detail = error.data.error_description ?? error.data.error_name ?? error.data.message ?? '';
      return {
        ok: false,
        kind: 'oauth',
        code: error.data.error,
        reason,
        message: `Zalo OAuth error ${error.data.error} (${reason})${detail ? `: ${detail}` : ''}`,
      };
    }
    const tokens = tokenResponseSchema.safeParse(body);
    if (!tokens.success) {
      const field = tokens.error.issues[0]?.path.map(String).join('.') ?? '';
      return { ok: false, kind: 'invalid_response', message: `Zalo OAuth answer lacks a valid ${field}.` };
    }
    const issuedAt = now();
    return {
      ok: true,
      pair: {
        accessToken: tokens.data.access_token,
        refreshToken: tokens.data.refresh_token,
        issuedAt,
        accessTokenExpiresAt: issuedAt + tokens.data.expires_in * 1000,
      },
    };
  }
}
