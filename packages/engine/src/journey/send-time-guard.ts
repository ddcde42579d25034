import type { MessagePurpose } from '../graph/common.schema';
import type { CampaignSettings, Channel } from '../graph/settings.schema';
import {
  ADVERTISING_SMS_WINDOW,
  nextWindowOpening,
  quietHoursEnd,
  VIETNAM_TIMEZONE,
} from '../time/send-windows';
import type { TimeDeferralReason } from './journey-vocabulary';

export interface SendTimeInput {
  nowMs: number;
  channel: Channel;
  purpose: MessagePurpose;
  settings: Pick<CampaignSettings, 'timezone' | 'quietHours'>;
}

/** One time guard holding a send, and until when. */
export interface SendDeferral {
  reason: TimeDeferralReason;
  untilMs: number;
}

/**
 * The time guard in front of a send at `nowMs` (DESIGN §6), the one the journey workflow, the simulator and the
 * API's send service all apply: advertising waits out the campaign's quiet hours, then advertising SMS waits for
 * 07:00–22:00 Vietnam time (Decree 91). Care, transactional and OTP messages are never held.
 */
export function sendDeferral(input: SendTimeInput): SendDeferral | undefined {
  const { nowMs, channel, purpose, settings } = input;
  if (purpose !== 'advertising') return undefined;
  if (settings.quietHours) {
    const end = quietHoursEnd({ nowMs, timezone: settings.timezone, quietHours: settings.quietHours });
    if (end !== undefined) return { reason: 'quiet_hours', untilMs: end };
  }
  if (channel === 'sms') {
    const opening = nextWindowOpening({ nowMs, timezone: VIETNAM_TIMEZONE, window: ADVERTISING_SMS_WINDOW });
    if (opening !== undefined) return { reason: 'advertising_sms_window', untilMs: opening };
  }
  return undefined;
}

/** A journey applies the guards again after each hold; past this many holds in a row the windows never open. */
const MAX_HOLDS = 8;

export interface SendMoment {
  atMs: number;
  /** Why the send waits, in the order the guards held it; empty when it goes out at once. */
  reasons: TimeDeferralReason[];
}

/** When a send may go out: `sendDeferral` applied again after each hold, as a journey does. */
export function sendMoment(input: SendTimeInput): SendMoment {
  const reasons: TimeDeferralReason[] = [];
  let atMs = input.nowMs;
  for (let holds = 0; holds < MAX_HOLDS; holds += 1) {
    const deferral = sendDeferral({ ...input, nowMs: atMs });
    if (!deferral) break;
    atMs = deferral.untilMs;
    if (!reasons.includes(deferral.reason)) reasons.push(deferral.reason);
  }
  return { atMs, reasons };
}
