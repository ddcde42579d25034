import { formatTime, isTimeSpec, offsetMs, resolveTime } from './virtual-time';

const zone = 'Asia/Ho_Chi_Minh';

describe('virtual time', () => {
  it('reads offsets in weeks, days, hours, minutes and seconds, forward and back', () => {
    expect(offsetMs('+2d3h')).toBe(2 * 86_400_000 + 3 * 3_600_000);
    expect(offsetMs('+90m')).toBe(90 * 60_000);
    expect(offsetMs('-1w')).toBe(-604_800_000);
    expect(offsetMs('+1d30s')).toBe(86_400_000 + 30_000);
    for (const text of ['+', '2d', '+3h2d', '+1x', 'soon']) expect(offsetMs(text)).toBeUndefined();
  });

  it('resolves offsets from a base and local ISO times in the campaign timezone', () => {
    const base = Date.parse('2026-05-18T03:00:00Z');
    expect(resolveTime('+1h', { baseMs: base, timezone: zone })).toBe(Date.parse('2026-05-18T04:00:00Z'));
    expect(resolveTime('2026-05-18T10:00', { baseMs: 0, timezone: zone })).toBe(base);
    expect(resolveTime('2026-05-18T03:00:00Z', { baseMs: 0, timezone: zone })).toBe(base);
    expect(() => resolveTime('tomorrow', { baseMs: 0, timezone: zone })).toThrow('neither an ISO');
  });

  it('tells time specs apart and formats moments in the campaign timezone', () => {
    expect(isTimeSpec('+2d')).toBe(true);
    expect(isTimeSpec('2026-05-18T10:00:00+07:00')).toBe(true);
    expect(isTimeSpec('next week')).toBe(false);
    expect(formatTime(Date.parse('2026-05-18T03:00:00Z'), zone)).toBe('2026-05-18T10:00:00+07:00');
  });
});
