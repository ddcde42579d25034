import type { SmsPurpose } from '@loa/sms-text';

export type { SmsPurpose };

export interface SmsMessage {
  /** The recipient's phone as the contact gave it; each connector normalises it to its provider's form. */
  to: string;
  text: string;
  purpose: SmsPurpose;
}
