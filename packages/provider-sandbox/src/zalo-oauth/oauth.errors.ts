/** OAuth v4 errors come back as HTTP 200 with this envelope (providers.md §1). */
export interface ZaloOauthError {
  error: number;
  error_name: string;
  error_description: string;
  error_reason: string;
  ref_doc: string;
}

const REF_DOC =
  'https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new';

export function oauthError(error: number, name: string, description: string): ZaloOauthError {
  return {
    error,
    error_name: name,
    error_description: description,
    error_reason: description,
    ref_doc: REF_DOC,
  };
}

export const OAUTH_ERRORS = {
  invalidApp: () => oauthError(-14002, 'Invalid app id', 'App id is invalid or the app is not active'),
  invalidRedirectUri: () =>
    oauthError(-14003, 'Invalid redirect uri', 'redirect_uri does not match the app settings'),
  invalidSecret: () => oauthError(-14004, 'Invalid secret key', 'secret_key header is invalid'),
  invalidCode: (why: string) => oauthError(-14005, 'Invalid code', why),
  invalidRefreshToken: (code: number) =>
    oauthError(code, 'Invalid refresh token', 'Refresh token is invalid, used or expired'),
  invalidGrant: () =>
    oauthError(-14018, 'Invalid grant type', 'grant_type must be authorization_code or refresh_token'),
} as const;
