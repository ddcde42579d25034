import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { ZaloOAuthClient } from '../oauth/oauth.client';
import type { ZaloOAuthFailure } from '../oauth/oauth.errors';
import type { TokenStore } from './token-store';

/**
 * Finishes the consent flow: exchanges the callback's code (with the PKCE verifier) and stores the pair, replacing
 * whatever pair the OA had.
 */
export async function connectZaloOa({
  account,
  oauth,
  store,
  code,
  codeVerifier,
}: {
  account: Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'oaId' | 'baseUrls'>;
  oauth: ZaloOAuthClient;
  store: TokenStore;
  code: string;
  codeVerifier: string;
}): Promise<{ ok: true } | ZaloOAuthFailure> {
  const result = await oauth.exchangeCode({ account, code, codeVerifier });
  if (!result.ok) return result;
  for (;;) {
    const current = await store.load(account.oaId);
    const saved = await store.save(account.oaId, result.pair, {
      expectedRefreshToken: current?.refreshToken ?? null,
    });
    if (saved === 'saved') return { ok: true };
  }
}
