import type { FieldError } from '../http/problem';
import { zodFieldErrors } from '../http/zod-field-errors';
import { jsonByteLength, MAX_EVENT_BYTES } from './event-limits';
import {
  identifyEventSchema,
  trackEventSchema,
  type BatchRejection,
  type SegmentEvent,
} from './segment-event.schemas';

export type ParsedBatchEvent = { ok: true; event: SegmentEvent } | { ok: false; rejection: BatchRejection };

function messageIdOf(item: unknown): string | undefined {
  const messageId = (item as { messageId?: unknown }).messageId;
  return typeof messageId === 'string' && messageId.length > 0 ? messageId.slice(0, 100) : undefined;
}

function reject(index: number, item: unknown, reason: string, field?: string): ParsedBatchEvent {
  const messageId = item !== null && typeof item === 'object' ? messageIdOf(item) : undefined;
  return {
    ok: false,
    rejection: {
      index,
      reason,
      ...(messageId === undefined ? {} : { messageId }),
      ...(field === undefined ? {} : { field }),
    },
  };
}

function rejectFieldErrors(index: number, item: unknown, errors: FieldError[]): ParsedBatchEvent {
  const [first] = errors;
  return reject(index, item, first?.message ?? 'is not a valid event', first?.field);
}

/** Checks one event of a batch on its own: its type, its size (32 KB of JSON) and its fields. */
export function parseBatchEvent(item: unknown, index: number): ParsedBatchEvent {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    return reject(index, item, 'must be an object');
  const type = (item as { type?: unknown }).type;
  if (type !== 'track' && type !== 'identify')
    return reject(index, item, "must be 'track' or 'identify'", 'type');
  const bytes = jsonByteLength(item);
  if (bytes > MAX_EVENT_BYTES) {
    return reject(
      index,
      item,
      `is ${bytes} bytes of JSON, more than the ${MAX_EVENT_BYTES} bytes an event may have`,
    );
  }
  if (type === 'track') {
    const parsed = trackEventSchema.safeParse(item);
    return parsed.success
      ? { ok: true, event: { ...parsed.data, type } }
      : rejectFieldErrors(index, item, zodFieldErrors(parsed.error, 'body'));
  }
  const parsed = identifyEventSchema.safeParse(item);
  return parsed.success
    ? { ok: true, event: { ...parsed.data, type } }
    : rejectFieldErrors(index, item, zodFieldErrors(parsed.error, 'body'));
}
