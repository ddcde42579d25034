import type { MessagePurpose } from '../graph/common.schema';
import type { CampaignSettings, Channel } from '../graph/settings.schema';
import {
  ADVERTISING_SMS_WINDOW,
  nextWindowOpening,
  quietHoursEnd,
  VIETNAM_TIMEZONE,
} from '../time/send-windows';

export type DeferralReason = 'quiet_hours' | 'advertising_sms_window';

export interface SendMoment {
  atMs: number;
  /** Why the send waits; empty when it goes out at once. */
  reasons: DeferralReason[];
}

/**
 * When a send may go out, as the runtime's guards decide: advertising waits for the end of the campaign's quiet
 * hours, and advertising SMS also for Decree 91's 07:00–22:00 window (Vietnam time). Transactional, care and OTP
 * messages go at once.
 */
export function sendMoment(input: {
  nowMs: number;
  channel: Channel;
  purpose: MessagePurpose;
  settings: Pick<CampaignSettings, 'timezone' | 'quietHours'>;
}): SendMoment {
  const reasons: DeferralReason[] = [];
  if (input.purpose !== 'advertising') return { atMs: input.nowMs, reasons };
  let atMs = input.nowMs;
  for (let round = 0; round < 4; round += 1) {
    const quietEnd = input.settings.quietHours
      ? quietHoursEnd({
          nowMs: atMs,
          timezone: input.settings.timezone,
          quietHours: input.settings.quietHours,
        })
      : undefined;
    if (quietEnd !== undefined) {
      atMs = quietEnd;
      if (!reasons.includes('quiet_hours')) reasons.push('quiet_hours');
    }
    const windowOpening =
      input.channel === 'sms'
        ? nextWindowOpening({ nowMs: atMs, timezone: VIETNAM_TIMEZONE, window: ADVERTISING_SMS_WINDOW })
        : undefined;
    if (windowOpening !== undefined) {
      atMs = windowOpening;
      if (!reasons.includes('advertising_sms_window')) reasons.push('advertising_sms_window');
    }
    if (quietEnd === undefined && windowOpening === undefined) break;
  }
  return { atMs, reasons };
}
