import { createHash } from 'node:crypto';

/** Where an OA's sealed token pair lives; bound into the ciphertext so that it opens only on this account's row. */
export function zaloTokensContext(accountId: string): string {
  return `zalo_oa_tokens.tokens:${accountId}`;
}

/** Where a pending consent's sealed PKCE verifier lives. */
export function zaloVerifierContext(stateSha256: string): string {
  return `zalo_oauth_states.verifier:${stateSha256}`;
}

/** SHA-256 (hex) of a secret that must be compared or looked up without being stored in the clear. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
