import type { ZaloTokenManager } from '@loa/connectors';

/**
 * The seam to the Zalo token service (issue 9 §1, branch `zalo`): the token manager backed by the PostgreSQL token
 * store. Until a module provides it under this token, ZNS and OA sends fail with `loa_zalo_tokens_unavailable`.
 */
export const ZALO_TOKEN_SOURCE = Symbol('ZALO_TOKEN_SOURCE');

export interface ZaloTokenSource {
  tokenManager(): ZaloTokenManager;
}
