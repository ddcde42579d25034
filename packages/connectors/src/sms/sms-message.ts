/** Why an SMS is sent: it decides the provider's message type and whether the `[QC]` label is required. */
export type SmsPurpose = 'care' | 'otp' | 'advertising';

export interface SmsMessage {
  /** The recipient's phone as the contact gave it; each connector normalises it to its provider's form. */
  to: string;
  text: string;
  purpose: SmsPurpose;
}
