import type { ZaloTokenManager } from '@loa/connectors';

/**
 * What the send service needs from the Zalo token service (`ZaloAccess` in channels/zalo): the token manager of an
 * OA channel account, over its token pair in PostgreSQL (one refresh for all processes).
 */
export interface ZaloTokenSource {
  tokensFor(accountId: string): ZaloTokenManager;
}
