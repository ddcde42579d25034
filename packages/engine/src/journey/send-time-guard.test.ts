import { DateTime } from 'luxon';
import { sendDeferral, sendMoment } from './send-time-guard';

const zone = 'Asia/Ho_Chi_Minh';
const at = (local: string) => DateTime.fromISO(local, { zone }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
const settings = { timezone: zone, quietHours: { start: '21:00', end: '08:00' } };

describe('sendMoment', () => {
  it('sends care and transactional messages at once, even in quiet hours at night', () => {
    for (const purpose of ['care', 'transactional', 'otp'] as const) {
      expect(sendMoment({ nowMs: at('2026-05-17T23:30'), channel: 'sms', purpose, settings })).toEqual({
        atMs: at('2026-05-17T23:30'),
        reasons: [],
      });
    }
  });

  it('holds advertising in quiet hours until they end', () => {
    const moment = sendMoment({
      nowMs: at('2026-05-17T21:30'),
      channel: 'email',
      purpose: 'advertising',
      settings,
    });
    expect(local(moment.atMs)).toBe('2026-05-18T08:00');
    expect(moment.reasons).toEqual(['quiet_hours']);
  });

  it('holds advertising SMS outside 07:00–22:00 Vietnam time without quiet hours', () => {
    const moment = sendMoment({
      nowMs: at('2026-05-17T22:15'),
      channel: 'sms',
      purpose: 'advertising',
      settings: { timezone: zone },
    });
    expect(local(moment.atMs)).toBe('2026-05-18T07:00');
    expect(moment.reasons).toEqual(['advertising_sms_window']);
  });

  it('applies both: quiet hours in the campaign timezone, the SMS window in Vietnam time', () => {
    const moment = sendMoment({
      nowMs: at('2026-05-17T06:00'),
      channel: 'sms',
      purpose: 'advertising',
      settings: { timezone: 'Asia/Tokyo', quietHours: { start: '22:00', end: '07:30' } },
    });
    // 06:00 Vietnam = 08:00 Tokyo: no quiet hours, but the SMS window opens at 07:00 Vietnam.
    expect(local(moment.atMs)).toBe('2026-05-17T07:00');
    expect(moment.reasons).toEqual(['advertising_sms_window']);
  });

  it('leaves advertising inside every window alone', () => {
    const nowMs = at('2026-05-17T10:00');
    expect(sendMoment({ nowMs, channel: 'sms', purpose: 'advertising', settings })).toEqual({
      atMs: nowMs,
      reasons: [],
    });
  });
});

describe('sendDeferral', () => {
  it('names one guard at a time: quiet hours first, then the SMS window they leave closed', () => {
    const quietTill0630 = { timezone: zone, quietHours: { start: '21:00', end: '06:30' } };
    const input = { channel: 'sms', purpose: 'advertising', settings: quietTill0630 } as const;
    expect(sendDeferral({ ...input, nowMs: at('2026-03-02T23:30') })).toEqual({
      reason: 'quiet_hours',
      untilMs: at('2026-03-03T06:30'),
    });
    expect(sendDeferral({ ...input, nowMs: at('2026-03-03T06:30') })).toEqual({
      reason: 'advertising_sms_window',
      untilMs: at('2026-03-03T07:00'),
    });
    expect(sendDeferral({ ...input, nowMs: at('2026-03-03T07:00') })).toBeUndefined();
    expect(sendMoment({ ...input, nowMs: at('2026-03-02T23:30') })).toEqual({
      atMs: at('2026-03-03T07:00'),
      reasons: ['quiet_hours', 'advertising_sms_window'],
    });
  });

  it('never holds care, OTP or transactional messages', () => {
    for (const purpose of ['care', 'otp', 'transactional'] as const)
      expect(
        sendDeferral({ nowMs: at('2026-03-02T23:30'), channel: 'sms', purpose, settings }),
      ).toBeUndefined();
  });
});
