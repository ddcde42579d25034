import { startOfDayIn } from './zoned-day';

describe('startOfDayIn', () => {
  it("starts a day at the zone's midnight", () => {
    expect(startOfDayIn(2026, 12, 1, 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(startOfDayIn(2026, 12, 1, 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfDayIn(2026, 12, 1, 'America/New_York').toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(startOfDayIn(2026, 7, 1, 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(startOfDayIn(2026, 3, 8, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it("uses the browser's zone when none is given", () => {
    expect(startOfDayIn(2026, 12, 1)).toEqual(new Date(2026, 11, 1));
  });
});
