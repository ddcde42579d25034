import type { Request } from 'express';
import { SESSION_COOKIE } from './auth.config';

export type PresentedCredentials =
  | { kind: 'api_key'; key: string }
  | { kind: 'session'; token: string }
  | { kind: 'none' }
  | { kind: 'malformed'; reason: string };

/**
 * An API key comes as `Authorization: Bearer <key>` or HTTP Basic with the key as user name (as Segment's
 * libraries send it); a browser comes with the session cookie.
 */
export function presentedCredentials(req: Request): PresentedCredentials {
  const header = req.headers.authorization;
  if (header) {
    const [scheme, value = ''] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'bearer' && value) return { kind: 'api_key', key: value };
    if (scheme?.toLowerCase() === 'basic' && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const user = decoded.split(':', 1)[0] ?? '';
      return user
        ? { kind: 'api_key', key: user }
        : { kind: 'malformed', reason: 'Basic credentials carry no key' };
    }
    return {
      kind: 'malformed',
      reason: 'Authorization must be "Bearer <key>" or Basic with the key as user name',
    };
  }
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  const token = cookies?.[SESSION_COOKIE];
  return token ? { kind: 'session', token } : { kind: 'none' };
}
