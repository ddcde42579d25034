import { createHash } from 'node:crypto';
import { correlationIdFor, ESMS_REQUEST_ID } from '../../contract/correlation-id';
import { groupByText } from '../prepared-sms';
import type { PreparedSmsText } from '@loa/sms-text';

/** eSMS takes advertising SMS in requests of 30 to 5,000 numbers (providers.md §5.1, code 107). */
export const ESMS_ADVERTISING_MIN_RECIPIENTS = 30;
export const ESMS_ADVERTISING_MAX_RECIPIENTS = 5000;

/**
 * The advertising requests of a batch, each with its RequestId. Items are grouped by text (groups in text order),
 * each group is ordered by idempotency key and split evenly into requests of at most 5,000 numbers. A request's
 * RequestId derives from the batch key, the text and exactly the idempotency keys it carries, so:
 * - the same items again (in any order) give the same requests, and eSMS answers a resend with 124 instead of
 *   sending and charging the ads twice (the answer to the first attempt was lost);
 * - a retry of only the requests that failed or whose answers were lost (what the send ledger leaves unrecorded:
 *   whole requests, which even splitting cuts the same way again) reuses their RequestIds;
 * - a RequestId never answers for a number it did not carry: a different set of items is a different request.
 * Keeping numbers already recorded as sent out of a retry is the send ledger's job, not the RequestId's.
 */
export function advertisingRequests<T extends { idempotencyKey: string; text: PreparedSmsText }>(
  batchKey: string,
  entries: readonly T[],
): Array<{ correlationId: string; entries: T[] }> {
  const groups = groupByText(entries).sort((a, b) => compare(a[0].text.text, b[0].text.text));
  return groups.flatMap((group) => {
    const ordered = [...group].sort((a, b) => compare(a.idempotencyKey, b.idempotencyKey));
    const textDigest = createHash('sha256').update(ordered[0].text.text, 'utf8').digest('hex').slice(0, 12);
    return evenChunks(ordered, ESMS_ADVERTISING_MAX_RECIPIENTS).map((chunk) => ({
      correlationId: correlationIdFor(`${batchKey}-${textDigest}-${keysDigest(chunk)}`, ESMS_REQUEST_ID),
      entries: chunk,
    }));
  });
}

function keysDigest(chunk: ReadonlyArray<{ idempotencyKey: string }>): string {
  const hash = createHash('sha256');
  for (const entry of chunk) hash.update(entry.idempotencyKey, 'utf8').update('\n');
  return hash.digest('hex').slice(0, 16);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits a group into requests of at most `max`, evenly, so no request falls under 30 needlessly. */
function evenChunks<T>(group: T[], max: number): T[][] {
  const count = Math.max(1, Math.ceil(group.length / max));
  const size = Math.ceil(group.length / count);
  return Array.from({ length: count }, (_, i) => group.slice(i * size, (i + 1) * size));
}

/**
 * How many requests `advertisingRequests` makes for these texts (one per message of a batch): a text shared by
 * fewer than 30 messages makes none. For a send-rate limit counted in requests.
 */
export function advertisingRequestCount(texts: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  let requests = 0;
  for (const count of counts.values())
    if (count >= ESMS_ADVERTISING_MIN_RECIPIENTS)
      requests += Math.ceil(count / ESMS_ADVERTISING_MAX_RECIPIENTS);
  return requests;
}
