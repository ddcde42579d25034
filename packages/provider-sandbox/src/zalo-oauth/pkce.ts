import { createHash } from 'node:crypto';

/** challenge = base64url-no-pad(SHA-256(verifier)) (providers.md §1). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
