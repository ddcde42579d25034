import { formatCount, formatDate, formatDateTime, formatTime, formatVnd } from './formats';

describe('Vietnamese formats', () => {
  it('writes a time as day/month/year and 24-hour time in the given zone', () => {
    expect(formatDateTime('2026-11-30T07:05:00Z', 'Asia/Ho_Chi_Minh')).toBe('14:05 30/11/2026');
    expect(formatDate('2026-11-30T20:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('01/12/2026');
    expect(formatTime('2026-11-30T17:05:00Z', 'Asia/Ho_Chi_Minh')).toBe('00:05');
    expect(formatTime('2026-11-30T17:05:00Z', 'Europe/London')).toBe('17:05');
  });

  it('writes VND with dots between thousands and the đồng sign after', () => {
    expect(formatVnd(1_250_000).replace(/\s/g, ' ')).toBe('1.250.000 ₫');
    expect(formatCount(12_345)).toBe('12.345');
  });
});
