import { BACKDATED_AFTER_MS, CLOCK_SKEW_MS, entersByTime } from './event-entry-time';

const live = new Date('2026-12-01T08:00:00Z');
const at = (ms: number) => new Date(live.getTime() + ms).toISOString();

describe('entersByTime', () => {
  it('lets in an event that happened after the campaign went live and was received soon after', () => {
    expect(entersByTime({ occurredAt: at(1000), receivedAt: at(2000) }, live)).toBe(true);
  });

  it('lets in an event stamped by a clock a little behind, not one from before the campaign went live', () => {
    expect(entersByTime({ occurredAt: at(-CLOCK_SKEW_MS), receivedAt: at(0) }, live)).toBe(true);
    expect(entersByTime({ occurredAt: at(-CLOCK_SKEW_MS - 1), receivedAt: at(0) }, live)).toBe(false);
  });

  it('keeps out a backfilled event, received more than a day after it happened', () => {
    const occurredAt = at(60_000);
    expect(entersByTime({ occurredAt, receivedAt: at(60_000 + BACKDATED_AFTER_MS) }, live)).toBe(true);
    expect(entersByTime({ occurredAt, receivedAt: at(60_000 + BACKDATED_AFTER_MS + 1) }, live)).toBe(false);
  });
});
