import { withAdvertisingLabel } from './advertising-label';
import { smsLength, type SmsLength } from './sms-segments';

/** Why an SMS is sent: it decides the provider's message type and whether the `[QC]` label is required. */
export type SmsPurpose = 'care' | 'otp' | 'advertising';

export interface PreparedSmsText extends SmsLength {
  /** The text as it goes to the provider: NFC, with the `[QC]` label for advertising. */
  text: string;
  /** Whether the gateway must send it as Unicode (eSMS `IsUnicode`). */
  unicode: boolean;
}

/** Puts an SMS text in the form every gateway receives: NFC-normalised, labelled when it advertises, counted. */
export function prepareSmsText(input: { text: string; purpose: SmsPurpose }): PreparedSmsText {
  const normalized = input.text.normalize('NFC');
  const text = purposeText(normalized, input.purpose);
  const length = smsLength(text);
  return { text, unicode: length.encoding === 'UCS-2', ...length };
}

function purposeText(text: string, purpose: SmsPurpose): string {
  switch (purpose) {
    case 'advertising':
      return withAdvertisingLabel(text);
    case 'care':
    case 'otp':
      return text;
  }
}
