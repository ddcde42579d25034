import { createHash, timingSafeEqual } from 'node:crypto';
import type { ZaloOaAccount } from '../account/zalo-account.schema';

export type WebhookSignatureCheck =
  | { ok: true }
  | {
      ok: false;
      reason:
        'missing_signature' | 'malformed_signature' | 'malformed_body' | 'missing_timestamp' | 'mismatch';
    };

/** Hex SHA-256 of firstTerm + rawBody + timestamp + secret (plain hash, not HMAC; providers.md §3.6). */
export function zaloWebhookSignature({
  firstTerm,
  rawBody,
  timestamp,
  secret,
}: {
  firstTerm: string;
  rawBody: Buffer;
  timestamp: string;
  secret: string;
}): string {
  return createHash('sha256')
    .update(firstTerm, 'utf8')
    .update(rawBody)
    .update(timestamp, 'utf8')
    .update(secret, 'utf8')
    .digest('hex');
}

/** The first term the account is configured to sign with: its app ID (documented) or its OA ID. */
export function webhookSignatureFirstTerm(
  account: Pick<ZaloOaAccount, 'appId' | 'oaId' | 'webhookSignatureFirstTerm'>,
): string {
  return account.webhookSignatureFirstTerm === 'oa_id' ? account.oaId : account.appId;
}

function bodyTimestamp(rawBody: Buffer): string | 'malformed' | undefined {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (typeof body !== 'object' || body === null) return 'malformed';
  const timestamp = (body as { timestamp?: unknown }).timestamp;
  if (typeof timestamp === 'string' && timestamp.length > 0) return timestamp;
  if (typeof timestamp === 'number' && Number.isFinite(timestamp)) return String(timestamp);
  return undefined;
}

/**
 * Checks `X-ZEvent-Signature` over the raw request bytes, with the timestamp taken from the body. The value may
 * carry a `mac=` prefix (per `macPrefix`); comparison is constant-time.
 */
export function verifyZaloWebhookSignature({
  rawBody,
  header,
  firstTerm,
  secret,
  macPrefix = 'optional',
}: {
  rawBody: Buffer;
  header: string | string[] | undefined;
  /** The app ID or the OA ID, per the account's webhookSignatureFirstTerm (see webhookSignatureFirstTerm()). */
  firstTerm: string;
  secret: string;
  macPrefix?: ZaloOaAccount['webhookSignatureMacPrefix'];
}): WebhookSignatureCheck {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return { ok: false, reason: 'missing_signature' };
  const prefixed = value.toLowerCase().startsWith('mac=');
  if ((prefixed && macPrefix === 'forbidden') || (!prefixed && macPrefix === 'required')) {
    return { ok: false, reason: 'malformed_signature' };
  }
  const hex = (prefixed ? value.slice(4) : value).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return { ok: false, reason: 'malformed_signature' };
  const timestamp = bodyTimestamp(rawBody);
  if (timestamp === 'malformed') return { ok: false, reason: 'malformed_body' };
  if (timestamp === undefined) return { ok: false, reason: 'missing_timestamp' };
  const expected = Buffer.from(zaloWebhookSignature({ firstTerm, rawBody, timestamp, secret }), 'hex');
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'))
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
