/** Segment's size limits: one event's JSON text, and one batch request. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

/** Bytes of a value's JSON text, as the limits measure it. */
export function jsonByteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** The size of a request body: the bytes the body parser read, else the length of the body's JSON text. */
export function requestBodyBytes(req: { rawBodyLength?: number }, body: unknown): number {
  return req.rawBodyLength ?? jsonByteLength(body);
}
