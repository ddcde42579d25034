import { correlationIdFor, ESMS_REQUEST_ID, MESSAGE_ID_LOCAL_PART, ZNS_TRACKING_ID } from './correlation-id';

const journeyKey = 'journey:camp_8f2a:contact_42:once:8c2d1c7e-5b7a-4f7e-9d3a-1b2c3d4e5f60:send_zns_1:2';

describe('correlationIdFor', () => {
  it.each([
    ['ZNS tracking_id', ZNS_TRACKING_ID],
    ['eSMS RequestId', ESMS_REQUEST_ID],
    ['Message-ID local part', MESSAGE_ID_LOCAL_PART],
  ])('fits the %s rule and is stable', (_name, rule) => {
    const id = correlationIdFor(journeyKey, rule);
    expect(id.length).toBeLessThanOrEqual(rule.maxLength);
    expect([...id].every((char) => rule.allowed.test(char))).toBe(true);
    expect(correlationIdFor(journeyKey, rule)).toBe(id);
  });

  it('keeps a key that already fits as it is', () => {
    expect(correlationIdFor('order_123', ZNS_TRACKING_ID)).toBe('order_123');
  });

  it('gives different ids to keys that differ only past the length limit or in dropped characters', () => {
    const ids = new Set(
      [
        `${journeyKey}`,
        `${journeyKey.slice(0, -1)}3`,
        journeyKey.replace(/:/g, '-'),
        journeyKey.replace(/:/g, '.'),
      ].map((key) => correlationIdFor(key, ZNS_TRACKING_ID)),
    );
    expect(ids.size).toBe(4);
  });

  it('rejects an empty key', () => {
    expect(() => correlationIdFor('', ZNS_TRACKING_ID)).toThrow('idempotencyKey');
  });
});
