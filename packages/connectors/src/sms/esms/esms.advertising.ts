import { createHash } from 'node:crypto';
import { correlationIdFor, ESMS_REQUEST_ID } from '../../contract/correlation-id';
import { groupByText } from '../prepared-sms';
import type { PreparedSmsText } from '../sms-text';

/** eSMS takes advertising SMS in requests of 30 to 5,000 numbers (providers.md §5.1, code 107). */
export const ESMS_ADVERTISING_MIN_RECIPIENTS = 30;
export const ESMS_ADVERTISING_MAX_RECIPIENTS = 5000;

/**
 * The advertising requests of a batch, each with its RequestId. Items are grouped by text (groups in text order), each group is ordered by
 * idempotency key and split evenly into requests of at most 5,000 numbers; request `i` of a text gets the RequestId
 * of (batchKey, text digest, i). So the same batch key with the same items, in any order, gives the same requests
 * and the same RequestIds, and eSMS answers a retry with 124 instead of sending (and charging) the ads again.
 *
 * When a retry carries the same batch key but different items, a text keeps its RequestIds: eSMS refuses each
 * request it has already accepted as a duplicate, and the items in it are reported `deduplicated` even if they were
 * not in the first attempt (added numbers are not sent: sending paid ads twice is the worse mistake). A changed text
 * is a new message with new RequestIds. A new set of recipients needs a new batch key.
 */
export function advertisingRequests<T extends { idempotencyKey: string; text: PreparedSmsText }>(
  batchKey: string,
  entries: readonly T[],
): Array<{ correlationId: string; entries: T[] }> {
  const groups = groupByText(entries).sort((a, b) => compare(a[0].text.text, b[0].text.text));
  return groups.flatMap((group) => {
    const ordered = [...group].sort((a, b) => compare(a.idempotencyKey, b.idempotencyKey));
    const textDigest = createHash('sha256').update(ordered[0].text.text, 'utf8').digest('hex').slice(0, 12);
    return evenChunks(ordered, ESMS_ADVERTISING_MAX_RECIPIENTS).map((chunk, i) => ({
      correlationId: correlationIdFor(`${batchKey}-${textDigest}-${i}`, ESMS_REQUEST_ID),
      entries: chunk,
    }));
  });
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
