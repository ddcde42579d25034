import type { HttpResponse } from '../../http/http-client';
import { asRecord, readCode, readNumber, readText } from '../../shared/lenient-read';
import { oauthReasonFor, type ZaloOAuthResult } from './oauth.errors';

/** What Zalo documents for the access token's lifetime (25 hours), for an answer whose `expires_in` is unreadable. */
const DOCUMENTED_LIFETIME_SECONDS = 90_000;

/**
 * Reads Zalo OAuth's answer to a code exchange or a refresh; the pair counts as issued at `issuedAt`. A non-zero
 * `error` is Zalo's refusal, whatever its wording fields hold. An answer with both tokens is the new pair, whatever
 * else it holds: a refresh has then spent the old refresh token, so failing over a field Loa can do without would
 * lose the OA's only live one. An unreadable `expires_in` is taken as the documented 25 hours (a token that dies
 * sooner is refused by Zalo and refreshed then).
 */
export function readZaloTokenAnswer(
  response: Pick<HttpResponse, 'status' | 'body'>,
  issuedAt: number,
): ZaloOAuthResult {
  if (response.status !== 200) {
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      message: `Zalo OAuth answered HTTP ${response.status}.`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return {
      ok: false,
      kind: 'invalid_response',
      message: 'Zalo OAuth answered with a body that is not JSON.',
    };
  }
  const body = asRecord(parsed);
  const error = Number(readCode(body?.['error']));
  if (Number.isInteger(error) && error !== 0) {
    const reason = oauthReasonFor(error);
    const detail =
      readText(body?.['error_description']) ??
      readText(body?.['error_name']) ??
      readText(body?.['message']) ??
      '';
    return {
      ok: false,
      kind: 'oauth',
      code: error,
      reason,
      message: `Zalo OAuth error ${error} (${reason})${detail ? `: ${detail}` : ''}`,
    };
  }
  const accessToken = readText(body?.['access_token']);
  const refreshToken = readText(body?.['refresh_token']);
  if (accessToken === undefined || refreshToken === undefined) {
    const missing = accessToken === undefined ? 'access_token' : 'refresh_token';
    return { ok: false, kind: 'invalid_response', message: `Zalo OAuth answer lacks a valid ${missing}.` };
  }
  const expiresIn = readNumber(body?.['expires_in']);
  const lifetimeSeconds = expiresIn !== undefined && expiresIn > 0 ? expiresIn : DOCUMENTED_LIFETIME_SECONDS;
  return {
    ok: true,
    pair: { accessToken, refreshToken, issuedAt, accessTokenExpiresAt: issuedAt + lifetimeSeconds * 1000 },
  };
}
