import { resolveEventTimes } from './event-timestamps';

const receivedAt = new Date('2026-11-30T10:00:00.000Z');

describe('resolveEventTimes (Segment clock-skew rule)', () => {
  it('moves the event by the client clock error when timestamp and sentAt are both given', () => {
    // The client clock is 5 minutes fast: it says it sent at 10:05 what the server received at 10:00.
    const times = resolveEventTimes({
      timestamp: '2026-11-30T10:04:00.000Z',
      sentAt: '2026-11-30T10:05:00.000Z',
      receivedAt,
    });
    expect(times.timestamp.toISOString()).toBe('2026-11-30T09:59:00.000Z');
    expect(times.originalTimestamp?.toISOString()).toBe('2026-11-30T10:04:00.000Z');
    expect(times.sentAt?.toISOString()).toBe('2026-11-30T10:05:00.000Z');
    expect(times.receivedAt).toBe(receivedAt);
  });

  it('reads offsets, so a client in Vietnam time is corrected the same way', () => {
    const times = resolveEventTimes({
      timestamp: '2026-11-30T16:59:30+07:00',
      sentAt: '2026-11-30T17:00:00+07:00',
      receivedAt,
    });
    expect(times.timestamp.toISOString()).toBe('2026-11-30T09:59:30.000Z');
  });

  it('keeps the given timestamp when the client did not say when it sent', () => {
    const times = resolveEventTimes({ timestamp: '2026-11-29T08:00:00Z', receivedAt });
    expect(times.timestamp.toISOString()).toBe('2026-11-29T08:00:00.000Z');
    expect(times.sentAt).toBeNull();
  });

  it('uses the time of receipt when the event carries no timestamp, even with sentAt', () => {
    expect(resolveEventTimes({ receivedAt }).timestamp).toEqual(receivedAt);
    const times = resolveEventTimes({ sentAt: '2026-11-30T10:05:00Z', receivedAt });
    expect(times.timestamp).toEqual(receivedAt);
    expect(times.originalTimestamp).toBeNull();
  });

  it('keeps the given timestamp when the correction would leave the years PostgreSQL stores', () => {
    const times = resolveEventTimes({
      timestamp: '1000-01-01T00:00:00Z',
      sentAt: '9999-12-31T00:00:00Z',
      receivedAt,
    });
    expect(times.timestamp.toISOString()).toBe('1000-01-01T00:00:00.000Z');
  });
});
