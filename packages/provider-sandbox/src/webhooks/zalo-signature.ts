import { createHash } from 'node:crypto';

/** providers.md §3.6: hex sha256(firstTerm + rawBody + timestamp + secret), plain SHA-256, not HMAC. */
export function zaloEventSignature(input: {
  firstTerm: string;
  rawBody: string;
  timestamp: string;
  secret: string;
  macPrefix?: boolean;
}): string {
  const digest = createHash('sha256')
    .update(input.firstTerm + input.rawBody + input.timestamp + input.secret)
    .digest('hex');
  return input.macPrefix ? `mac=${digest}` : digest;
}
