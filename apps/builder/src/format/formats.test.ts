import {
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatPercent,
  formatTime,
  formatMoney,
  formatVnd,
} from './formats';

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
    expect(formatMoney(0.0079, 'USD').replace(/\s/g, ' ')).toBe('0,0079 US$');
  });

  it('writes a ratio as a percentage with one decimal and a decimal comma', () => {
    expect(formatPercent(1 / 3).replace(/\s/g, ' ')).toBe('33,3%');
    expect(formatPercent(0).replace(/\s/g, ' ')).toBe('0,0%');
    expect(formatDecimal(3.84159, 2)).toBe('3,84');
    expect(formatDecimal(0.0004, 3)).toBe('0');
  });
});
