import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { ZaloOAuthClient } from '../oauth/oauth.client';
import type { ZaloOAuthFailure } from '../oauth/oauth.errors';
import type { ZaloTokenPair } from './token-pair';
import type { TokenStore } from './token-store';

/** The code was exchanged but the pair could not be stored: the admin should connect the OA again. */
export type ConnectStoreFailure = { ok: false; kind: 'store'; message: string };

/** The caller refused the pair before it was stored (e.g. it grants another OA than the account's). */
export type ConnectRefused = { ok: false; kind: 'refused'; message: string };

const SAVE_ATTEMPTS = 5;

/**
 * Finishes the consent flow: exchanges the callback's code (with the PKCE verifier) and stores the pair, replacing
 * whatever pair the OA had. The store is compare-and-set, so a pair that keeps changing under the write (token
 * refreshes in other processes) is retried a few times, not forever.
 */
export async function connectZaloOa({
  account,
  oauth,
  store,
  code,
  codeVerifier,
  confirm,
}: {
  account: Pick<ZaloOaAccount, 'appId' | 'appSecret' | 'oaId' | 'baseUrls'>;
  oauth: ZaloOAuthClient;
  store: TokenStore;
  code: string;
  codeVerifier: string;
  /** Checks the exchanged pair before anything is stored; a refusal stores nothing. */
  confirm?: (pair: ZaloTokenPair) => Promise<ConnectRefused | undefined>;
}): Promise<{ ok: true } | ZaloOAuthFailure | ConnectStoreFailure | ConnectRefused> {
  const result = await oauth.exchangeCode({ account, code, codeVerifier });
  if (!result.ok) return result;
  const refused = await confirm?.(result.pair);
  if (refused) return refused;
  try {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const current = await store.load(account.oaId);
      const saved = await store.save(account.oaId, result.pair, {
        expectedRefreshToken: current?.refreshToken ?? null,
      });
      if (saved === 'saved') return { ok: true };
    }
  } catch {
    return { ok: false, kind: 'store', message: 'The OA token store failed; connect the OA again.' };
  }
  return {
    ok: false,
    kind: 'store',
    message: `The OA's stored token changed under ${SAVE_ATTEMPTS} writes in a row; connect the OA again.`,
  };
}
