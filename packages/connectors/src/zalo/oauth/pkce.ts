import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  /** 43 characters: base64url of 32 random bytes. Keep it server-side until the callback. */
  codeVerifier: string;
  /** base64url (no padding) of SHA-256(codeVerifier); Zalo takes no `code_challenge_method`. */
  codeChallenge: string;
}

export function codeChallengeFor(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

export function createPkcePair(): PkcePair {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: codeChallengeFor(codeVerifier) };
}

/** An opaque `state` value that ties the callback to the consent request. */
export function createOAuthState(): string {
  return randomBytes(16).toString('base64url');
}
