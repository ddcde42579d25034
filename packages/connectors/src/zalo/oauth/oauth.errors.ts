import type { ZaloTokenPair } from '../tokens/token-pair';

/** Zalo OAuth v4 error codes (HTTP 200 with `error`, providers.md §1). */
export const ZALO_OAUTH_ERROR_REASONS = {
  [-14002]: 'invalid_app',
  [-14003]: 'invalid_redirect_uri',
  [-14004]: 'invalid_secret_key',
  [-14005]: 'invalid_code',
  [-14014]: 'invalid_refresh_token',
  [-14018]: 'invalid_grant_type',
} as const satisfies Record<number, string>;

export type ZaloOAuthReason =
  (typeof ZALO_OAUTH_ERROR_REASONS)[keyof typeof ZALO_OAUTH_ERROR_REASONS] | 'unknown';

export type ZaloOAuthFailure =
  | { ok: false; kind: 'oauth'; code: number; reason: ZaloOAuthReason; message: string }
  | { ok: false; kind: 'http'; status: number; message: string }
  | { ok: false; kind: 'network'; code: string; message: string }
  | { ok: false; kind: 'invalid_response'; message: string };

export type ZaloOAuthResult = { ok: true; pair: ZaloTokenPair } | ZaloOAuthFailure;

export function oauthReasonFor(code: number): ZaloOAuthReason {
  return (ZALO_OAUTH_ERROR_REASONS as Record<number, ZaloOAuthReason>)[code] ?? 'unknown';
}

/**
 * The codes with which Zalo says a refresh token is dead for good (used, expired or revoked): `-14014` "Invalid
 * refresh token", and `-14005` (invalid, expired or reused) which Zalo may answer for a spent refresh token too
 * (providers.md §1 ⚠). Only these end the OA's grant; a wrong app id or secret (-14002, -14004), a bad grant type or
 * redirect does not kill the refresh token, so an admin fixes the settings rather than reconnecting.
 */
export const ZALO_DEAD_GRANT_CODES: ReadonlySet<number> = new Set([-14014, -14005]);

/** Whether the refresh failed because the grant itself is dead (an admin must reconnect the OA). */
export function isDeadGrant(failure: ZaloOAuthFailure): boolean {
  return failure.kind === 'oauth' && ZALO_DEAD_GRANT_CODES.has(failure.code);
}

/** Network trouble and 5xx/429 may pass; a Zalo OAuth code will not. */
export function isTransientOAuthFailure(failure: ZaloOAuthFailure): boolean {
  switch (failure.kind) {
    case 'network':
    case 'invalid_response':
      return true;
    case 'http':
      return failure.status === 429 || failure.status >= 500;
    case 'oauth':
      return false;
  }
}
