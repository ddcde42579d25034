import { MAX_EVENT_BYTES } from './event-limits';
import { parseBatchEvent } from './parse-batch-event';

const track = { type: 'track', messageId: 'm-1', userId: 'u-1', event: 'Order Completed' };

describe('parseBatchEvent', () => {
  it('accepts a track and an identify, keeping unknown Segment fields', () => {
    expect(parseBatchEvent({ ...track, channel: 'server' }, 0)).toEqual({
      ok: true,
      event: { ...track, channel: 'server' },
    });
    const identify = { type: 'identify', messageId: 'm-2', anonymousId: 'a-1', traits: { plan: 'gold' } };
    expect(parseBatchEvent(identify, 1)).toEqual({ ok: true, event: identify });
  });

  it.each([
    [null, undefined, 'must be an object'],
    [{ ...track, type: 'page' }, 'type', "must be 'track' or 'identify'"],
    [{ ...track, messageId: 'x'.repeat(101) }, 'messageId', expect.stringContaining('100')],
    [{ ...track, messageId: undefined }, 'messageId', expect.any(String)],
    [{ ...track, userId: undefined }, 'userId', 'userId or anonymousId is required'],
    [{ ...track, event: '' }, 'event', expect.any(String)],
    [{ ...track, timestamp: 'yesterday' }, 'timestamp', expect.any(String)],
  ])('rejects %j naming %s', (item, field, reason) => {
    const parsed = parseBatchEvent(item, 3);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.rejection).toEqual(expect.objectContaining({ index: 3, reason }));
    expect(parsed.rejection.field).toBe(field);
  });

  it('names the messageId of a rejected event when it has one', () => {
    const parsed = parseBatchEvent({ ...track, userId: undefined }, 0);
    expect(parsed).toEqual({ ok: false, rejection: expect.objectContaining({ messageId: 'm-1' }) });
  });

  it('rejects an event over 32 KB of JSON on its own', () => {
    const big = { ...track, properties: { blob: 'x'.repeat(MAX_EVENT_BYTES) } };
    const parsed = parseBatchEvent(big, 7);
    expect(parsed).toEqual({
      ok: false,
      rejection: { index: 7, messageId: 'm-1', reason: expect.stringMatching(/more than the 32768 bytes/) },
    });
  });
});
