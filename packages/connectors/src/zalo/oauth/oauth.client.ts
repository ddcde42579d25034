import { networkErrorCode, type HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { ZaloOAuthResult } from './oauth.errors';
import { readZaloTokenAnswer } from './token-answer';

type OAuthAccount = Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'baseUrls'>;

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
    return readZaloTokenAnswer(response, now());
  }
}
