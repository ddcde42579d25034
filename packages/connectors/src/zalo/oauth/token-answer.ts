import { z } from 'zod';
import type { HttpResponse } from '../../http/http-client';
import { oauthReasonFor, type ZaloOAuthResult } from './oauth.errors';

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // Zalo sends a string ("90000").
  expires_in: z.coerce.number().int().positive(),
});

const errorResponseSchema = z.object({
  error: z.coerce.number(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

/** Reads Zalo OAuth's answer to a code exchange or a refresh; the pair counts as issued at `issuedAt`. */
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
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return {
      ok: false,
      kind: 'invalid_response',
      message: 'Zalo OAuth answered with a body that is not JSON.',
    };
  }
  const error = errorResponseSchema.safeParse(body);
  if (error.success && error.data.error !== 0) {
    const reason = oauthReasonFor(error.data.error);
    const detail = error.data.error_description ?? error.data.error_name ?? error.data.message ?? '';
    return {
      ok: false,
      kind: 'oauth',
      code: error.data.error,
      reason,
      message: `Zalo OAuth error ${error.data.error} (${reason})${detail ? `: ${detail}` : ''}`,
    };
  }
  const tokens = tokenResponseSchema.safeParse(body);
  if (!tokens.success) {
    const field = tokens.error.issues[0]?.path.map(String).join('.') ?? '';
    return { ok: false, kind: 'invalid_response', message: `Zalo OAuth answer lacks a valid ${field}.` };
  }
  return {
    ok: true,
    pair: {
      accessToken: tokens.data.access_token,
      refreshToken: tokens.data.refresh_token,
      issuedAt,
      accessTokenExpiresAt: issuedAt + tokens.data.expires_in * 1000,
    },
  };
}
