import type { ZaloOaAccount } from '../account/zalo-account.schema';
import type { AccessTokenFailure } from '../tokens/access-token-result';
import type { ZaloTokenManager } from '../tokens/token-manager';
import type { ZaloCallFailure, ZaloCallResult } from './zalo-call';

/** A Zalo call made with the OA's token: Zalo's answer, or why no token could be had. */
export type ZaloTokenCallResult<T> = ZaloCallResult<T> | ZaloTokenCallFailure;
export type ZaloTokenCallFailure = ZaloCallFailure | AccessTokenFailure;

/**
 * Runs `call` with the OA's access token. When Zalo answers with one of `rejectedCodes` (the token is no longer
 * accepted), gets a renewed token and runs `call` once more; a second rejection is returned as it is.
 */
export async function withZaloToken<T>({
  tokens,
  account,
  rejectedCodes,
  call,
}: {
  tokens: ZaloTokenManager;
  account: ZaloOaAccount;
  rejectedCodes: ReadonlySet<number>;
  call: (accessToken: string) => Promise<ZaloCallResult<T>>;
}): Promise<ZaloTokenCallResult<T>> {
  const token = await tokens.getAccessToken(account);
  if (!token.ok) return token;
  const first = await call(token.accessToken);
  if (first.ok || first.kind !== 'provider' || !rejectedCodes.has(first.code)) return first;
  const renewed = await tokens.refreshAfterRejection(account, token.accessToken);
  if (!renewed.ok) return renewed;
  return call(renewed.accessToken);
}
