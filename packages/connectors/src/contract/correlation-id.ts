import { createHash } from 'node:crypto';

export interface CorrelationIdRule {
  maxLength: number;
  /** Characters the provider accepts; anything else is dropped from the readable form. */
  allowed: RegExp;
}

/** ZNS `tracking_id`: at most 48 characters, no special characters (providers.md §2.1). */
export const ZNS_TRACKING_ID: CorrelationIdRule = { maxLength: 48, allowed: /[A-Za-z0-9_]/ };
/** eSMS `RequestId`: used to deduplicate; kept short and plain. */
export const ESMS_REQUEST_ID: CorrelationIdRule = { maxLength: 40, allowed: /[A-Za-z0-9_-]/ };
/** The local part of an email Message-ID (RFC 5322 dot-atom text, kept conservative). */
export const MESSAGE_ID_LOCAL_PART: CorrelationIdRule = { maxLength: 64, allowed: /[A-Za-z0-9_-]/ };

/**
 * Derives the provider correlation id from an idempotency key: the same key always gives the same id, different
 * keys give different ids. When the key already fits the rule it is used as it is, so ids stay readable in the
 * provider's console; otherwise a readable prefix is followed by a SHA-256 digest of the whole key.
 */
export function correlationIdFor(idempotencyKey: string, rule: CorrelationIdRule): string {
  if (idempotencyKey.length === 0) throw new Error('idempotencyKey must not be empty');
  const chars = [...idempotencyKey];
  if (chars.length <= rule.maxLength && chars.every((char) => rule.allowed.test(char))) return idempotencyKey;
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
  const readable = chars.filter((char) => rule.allowed.test(char) && char !== '_').join('');
  const room = rule.maxLength - digest.length - 1;
  return room > 0 && readable.length > 0
    ? `${readable.slice(0, room)}_${digest}`
    : digest.slice(0, rule.maxLength);
}
