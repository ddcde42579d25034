import { DEFAULT_TIMEZONE, durationMs, sendMoment, type CampaignSettings, type Channel } from '@loa/engine';
import type { MessageChannel } from '../channels/channel-kinds';
import type { ConsentChannel } from '../contacts/contact-input';
import type { StoredConsents } from '../contacts/contact-state';
import type { BlockReason, DeferReason, MessagePurpose } from './send-message.types';

/** The engine's name for each ledger channel (campaign settings, simulator, consents). */
export const ENGINE_CHANNEL: Record<MessageChannel, Channel & ConsentChannel> = {
  zns: 'zns',
  zalo_oa: 'oa',
  sms: 'sms',
  email: 'email',
};

/** What the guards need to know about the contact a message is for. */
export interface GuardedContact {
  doNotContact: boolean;
  consents: StoredConsents;
  /** The address on this channel, when the contact has one. */
  address: string | null;
}

/**
 * Do-not-contact, consent and address (DESIGN §6). Do-not-contact is never bypassed. Consent governs marketing:
 * refused consent blocks it on every channel, and advertising SMS and e-mail also need consent given (Decree 91:
 * prior opt-in, silence is not consent). Transactional and OTP messages are what the contact asked for.
 */
export function contactBlock(input: {
  contact: GuardedContact | undefined;
  channel: MessageChannel;
  purpose: MessagePurpose;
  to: string | undefined;
}): BlockReason | undefined {
  const { contact, channel, purpose } = input;
  if (contact?.doNotContact) return 'do_not_contact';
  if (!(input.to ?? contact?.address)) return 'no_address';
  if (purpose !== 'marketing') return undefined;
  // An address no contact holds has given no consent: advertising SMS and e-mail need one.
  const consent = contact?.consents[ENGINE_CHANNEL[channel]]?.state ?? 'unknown';
  if (consent === 'denied') return 'opted_out';
  if (consent !== 'granted' && (channel === 'sms' || channel === 'email')) return 'no_consent';
  return undefined;
}

/**
 * Quiet hours and Decree 91's advertising SMS window, through the engine's send-time guard (`sendMoment`, the one
 * the journey workflow and the simulator apply), so all three name a deferral the same way. Only marketing waits.
 */
export function timeDeferral(input: {
  nowMs: number;
  channel: MessageChannel;
  purpose: MessagePurpose;
  settings?: Partial<Pick<CampaignSettings, 'timezone' | 'quietHours'>>;
}): { reason: DeferReason; retryAtMs: number } | undefined {
  const moment = sendMoment({
    nowMs: input.nowMs,
    channel: ENGINE_CHANNEL[input.channel],
    purpose: input.purpose === 'marketing' ? 'advertising' : input.purpose,
    settings: {
      timezone: input.settings?.timezone ?? DEFAULT_TIMEZONE,
      ...(input.settings?.quietHours && { quietHours: input.settings.quietHours }),
    },
  });
  const [reason] = moment.reasons;
  return reason ? { reason, retryAtMs: moment.atMs } : undefined;
}

export interface FrequencyCap {
  channel: MessageChannel;
  max: number;
  perMs: number;
}

const DAY_MS = 86_400_000;

/** Decree 91: at most 3 advertising SMS and 3 advertising e-mails per recipient per 24 h. */
export const DECREE_91_CAPS: FrequencyCap[] = [
  { channel: 'sms', max: 3, perMs: DAY_MS },
  { channel: 'email', max: 3, perMs: DAY_MS },
];

const LEDGER_CHANNEL: Record<Channel, MessageChannel> = {
  zns: 'zns',
  oa: 'zalo_oa',
  sms: 'sms',
  email: 'email',
};

/** The caps on a marketing message of this channel: Decree 91's and the campaign's own. */
export function capsFor(
  channel: MessageChannel,
  settings?: Partial<Pick<CampaignSettings, 'frequencyCaps'>>,
): FrequencyCap[] {
  const own = (settings?.frequencyCaps ?? []).map((cap) => ({
    channel: LEDGER_CHANNEL[cap.channel],
    max: cap.max,
    perMs: durationMs(cap.per),
  }));
  return [...DECREE_91_CAPS, ...own].filter((cap) => cap.channel === channel);
}
