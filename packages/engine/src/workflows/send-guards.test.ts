import { DateTime } from 'luxon';
import { campaignSettingsSchema } from '../graph/settings.schema';
import type { SendStep } from '../plan/plan.types';
import { sendDeferral } from './send-guards';
import { singleSendPlan } from './testing/test-plans';

const HCM = 'Asia/Ho_Chi_Minh';
const at = (local: string) => DateTime.fromISO(local, { zone: HCM }).toMillis();
const smsStep = (purpose: SendStep['purpose']) => ({ ...(singleSendPlan().steps.send as SendStep), purpose });
const settings = campaignSettingsSchema.parse({
  timezone: HCM,
  quietHours: { start: '21:00', end: '08:00' },
});

describe('sendDeferral', () => {
  it('holds advertising in quiet hours until they end', () => {
    expect(sendDeferral({ nowMs: at('2026-03-02T23:30'), step: smsStep('advertising'), settings })).toEqual({
      kind: 'quiet_hours',
      untilMs: at('2026-03-03T08:00'),
    });
  });

  it('holds advertising SMS outside 07:00–22:00 Vietnam time even without quiet hours', () => {
    const noQuietHours = campaignSettingsSchema.parse({ timezone: 'Europe/Paris' });
    expect(
      sendDeferral({ nowMs: at('2026-03-02T06:15'), step: smsStep('advertising'), settings: noQuietHours }),
    ).toEqual({
      kind: 'sms_window',
      untilMs: at('2026-03-02T07:00'),
    });
    expect(
      sendDeferral({ nowMs: at('2026-03-02T12:00'), step: smsStep('advertising'), settings: noQuietHours }),
    ).toBeUndefined();
  });

  it('never holds care, OTP or transactional messages', () => {
    for (const purpose of ['care', 'otp', 'transactional'] as const)
      expect(
        sendDeferral({ nowMs: at('2026-03-02T23:30'), step: smsStep(purpose), settings }),
      ).toBeUndefined();
  });
});
