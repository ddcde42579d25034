/** Segment's size limits: one event's JSON text, and one batch request. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

/** Bytes of a value's JSON text, as the limits measure it. */
export function jsonByteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * The size of a request body: its Content-Length when the client sent one (the body parser has checked it
 * against the bytes read), else the length of the parsed body's JSON text.
 */
export function requestBodyBytes(contentLength: string | undefined, body: unknown): number {
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : jsonByteLength(body);
}
