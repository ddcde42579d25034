export type AccessTokenFailure = {
  ok: false;
  /**
   * not_connected: no pair stored for the OA; reauthorization_required: Zalo says the refresh token is dead (spent,
   * expired or revoked: an admin must reconnect the OA); refresh_refused: Zalo refused the refresh for a reason
   * that leaves the grant alive (wrong app id or secret: an admin must fix the account's settings); unavailable:
   * Zalo OAuth or the token store could not be reached or answered an HTTP error, or Zalo refused a token that could
   * not be replaced yet (retry later).
   */
  kind: 'not_connected' | 'reauthorization_required' | 'refresh_refused' | 'unavailable';
  code: string;
  message: string;
};

export type AccessTokenResult = { ok: true; accessToken: string } | AccessTokenFailure;

export const NOT_CONNECTED: AccessTokenFailure = {
  ok: false,
  kind: 'not_connected',
  code: 'loa_oa_not_connected',
  message: 'This Zalo Official Account is not connected yet: an admin must connect it.',
};

export const TOKEN_STORE_UNAVAILABLE: AccessTokenFailure = {
  ok: false,
  kind: 'unavailable',
  code: 'loa_token_store_unavailable',
  message: "The OA's token store could not be read or written; the message will be retried.",
};

export function oauthUnavailable(message: string): AccessTokenFailure {
  return { ok: false, kind: 'unavailable', code: 'loa_oauth_unavailable', message };
}

export function refreshRefused(code: string, detail: string): AccessTokenFailure {
  return {
    ok: false,
    kind: 'refresh_refused',
    code,
    message: `Zalo refused to refresh the OA's token (${detail}); check the app id and secret of the account.`,
  };
}

export function reauthorizationRequired(code: string, detail: string): AccessTokenFailure {
  return {
    ok: false,
    kind: 'reauthorization_required',
    code,
    message: `Zalo refused to refresh the OA's token (${detail}); an admin must reconnect the OA.`,
  };
}
