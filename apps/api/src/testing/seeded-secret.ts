import { randomBytes } from 'node:crypto';

/** Every secret a test seeds contains this, so that the secret watch finds it wherever it leaks. */
export const SEEDED_SECRET_MARK = 'loa-seeded-secret';

/** A secret value for a test (a password, an API key, a token); never appears in a response or log line. */
export function seededSecret(name: string): string {
  return `${SEEDED_SECRET_MARK}-${name}-${randomBytes(6).toString('hex')}`;
}
