import type { EsmsAccount } from './esms/esms.config';
import { ESMS_ADVERTISING_MIN_RECIPIENTS } from './esms/esms.advertising';
import type { SpeedSmsAccount } from './speedsms/speedsms.config';
import type { SmsPurpose } from './sms-message';

/** The SMS purposes a journey can send through an account, one contact at a time, and why not the others. */
export interface JourneySmsPurposes {
  allowed: readonly SmsPurpose[];
  /** Purposes also allowed in a broadcast (trigger.schedule, trigger.date): it sends to its contacts in batches. */
  inBroadcasts?: readonly SmsPurpose[];
  why: string;
}

const NOT_ADVERTISING: readonly SmsPurpose[] = ['care', 'otp'];

/**
 * eSMS takes advertising SMS only for many numbers in one request, and an advertising account sends nothing else:
 * a journey entered one contact at a time can send care and OTP SMS through a customer-care account only; a
 * broadcast, whose contacts go in batches (cohorts), also advertising SMS through an advertising account.
 */
export function esmsJourneyPurposes(account: Pick<EsmsAccount, 'smsType'>): JourneySmsPurposes {
  const batchesOnly = `eSMS takes advertising SMS only for ${ESMS_ADVERTISING_MIN_RECIPIENTS} or more numbers in one request`;
  if (account.smsType === 'advertising')
    return {
      allowed: [],
      inBroadcasts: ['advertising'],
      why: `This account is set up for advertising: ${batchesOnly}, so only a scheduled or date-triggered broadcast can send through it.`,
    };
  return {
    allowed: NOT_ADVERTISING,
    why: `${batchesOnly}, through an eSMS account set up for advertising.`,
  };
}

/** SpeedSMS sends advertising SMS from a registered brand name only (type 3). */
export function speedSmsJourneyPurposes(account: Pick<SpeedSmsAccount, 'smsType'>): JourneySmsPurposes {
  if (account.smsType === 3) return { allowed: ['care', 'otp', 'advertising'], why: '' };
  return {
    allowed: NOT_ADVERTISING,
    why: 'Advertising SMS must leave from your registered brand name (SpeedSMS type 3).',
  };
}
