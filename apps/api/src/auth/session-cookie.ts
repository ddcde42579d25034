import type { CookieOptions, Response } from 'express';
import { SESSION_COOKIE } from './auth.config';

function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookie(
  res: Response,
  input: { token: string; expiresAt: Date; secure: boolean },
): void {
  res.cookie(SESSION_COOKIE, input.token, { ...options(input.secure), expires: input.expiresAt });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, options(secure));
}
