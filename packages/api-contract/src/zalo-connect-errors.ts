/**
 * Why connecting a Zalo OA failed, as a stable code: the API's callback sends the builder back with
 * `?zaloError=<code>` (never the free text of the problem), and the builder shows its own message for the code.
 */
export const ZALO_CONNECT_ERRORS = [
  /** Zalo sent no code or state back: the admin refused, or Zalo gave no grant. */
  'access_denied',
  /** The state is unknown, already used, or was started in another session. */
  'state_unknown',
  'state_expired',
  /** Access was granted for another OA than the account's. */
  'wrong_oa',
  /** Zalo refused to exchange the code for tokens, or the OA that granted access could not be confirmed. */
  'exchange_failed',
  /** Anything else (e.g. the account is gone). */
  'connect_failed',
] as const;
export type ZaloConnectError = (typeof ZALO_CONNECT_ERRORS)[number];
