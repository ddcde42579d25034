import { jsonByteLength, MAX_BATCH_BYTES, MAX_EVENT_BYTES, requestBodyBytes } from './event-limits';

describe('event size limits', () => {
  it('are 32 KB per event and 500 KB per batch', () => {
    expect(MAX_EVENT_BYTES).toBe(32_768);
    expect(MAX_BATCH_BYTES).toBe(512_000);
  });

  it('count UTF-8 bytes of the JSON text, so Vietnamese text weighs what it sends', () => {
    expect(jsonByteLength({ a: 'ệ' })).toBe('{"a":""}'.length + 3);
  });

  it('take the bytes the body parser read when known, else the JSON text', () => {
    expect(requestBodyBytes({ rawBodyLength: 40_000 }, { a: 1 })).toBe(40_000);
    expect(requestBodyBytes({}, { a: 1 })).toBe(7);
  });
});
