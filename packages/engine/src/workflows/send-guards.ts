import type { CampaignSettings } from '../graph/settings.schema';
import type { SendStep } from '../plan/plan.types';
import {
  ADVERTISING_SMS_WINDOW,
  nextWindowOpening,
  quietHoursEnd,
  VIETNAM_TIMEZONE,
} from '../time/send-windows';

/** Why an advertising send waits, and until when. */
export interface SendDeferral {
  kind: 'quiet_hours' | 'sms_window';
  untilMs: number;
}

/**
 * The time guards in front of a send (DESIGN §6): advertising waits out the campaign's quiet hours, and advertising
 * SMS waits for 07:00–22:00 Vietnam time (Decree 91). Transactional, care and OTP messages are not held.
 */
export function sendDeferral(input: {
  nowMs: number;
  step: SendStep;
  settings: CampaignSettings;
}): SendDeferral | undefined {
  const { nowMs, step, settings } = input;
  if (step.purpose !== 'advertising') return undefined;
  if (settings.quietHours) {
    const end = quietHoursEnd({ nowMs, timezone: settings.timezone, quietHours: settings.quietHours });
    if (end !== undefined) return { kind: 'quiet_hours', untilMs: end };
  }
  if (step.channel === 'sms') {
    const opening = nextWindowOpening({ nowMs, timezone: VIETNAM_TIMEZONE, window: ADVERTISING_SMS_WINDOW });
    if (opening !== undefined) return { kind: 'sms_window', untilMs: opening };
  }
  return undefined;
}
