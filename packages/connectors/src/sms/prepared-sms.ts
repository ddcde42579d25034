import type { SendFailure } from '../contract/send-outcome';
import { normalizeVietnamesePhone } from '../phone/normalize-phone';
import { invalidPhoneFailure } from './sms-failures';
import type { SmsMessage } from './sms-message';
import { prepareSmsText, type PreparedSmsText } from '@loa/sms-text';

/**
 * One SMS ready for a Vietnamese gateway (phone as 84xxxxxxxxx, text labelled and counted), or the failure it ends
 * in, built once the correlation id is known.
 */
export type PreparedSms =
  | { ok: true; phone: string; text: PreparedSmsText }
  | { ok: false; failure: (correlationId: string) => SendFailure };

/**
 * Checks the phone, then whether the account may send this purpose (`typeRefusal`: the marketer's sentence when it
 * may not), then prepares the text.
 */
export function prepareVietnameseSms(input: { message: SmsMessage; typeRefusal?: string }): PreparedSms {
  const { message, typeRefusal } = input;
  const phone = normalizeVietnamesePhone(message.to);
  if (!phone.ok) {
    return {
      ok: false,
      failure: (correlationId) => invalidPhoneFailure({ phone: message.to, correlationId }),
    };
  }
  if (typeRefusal !== undefined) {
    return {
      ok: false,
      failure: (correlationId) => ({
        status: 'failed',
        class: 'permanent',
        scope: 'message',
        code: 'loa_sms_type_mismatch',
        message: typeRefusal,
        correlationId,
      }),
    };
  }
  return { ok: true, phone: phone.phone, text: prepareSmsText(message) };
}

/** Groups prepared SMS that carry the same text (one request can reach many numbers), in order of first appearance. */
export function groupByText<T extends { text: PreparedSmsText }>(entries: Iterable<T>): T[][] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.text.text);
    if (group) group.push(entry);
    else groups.set(entry.text.text, [entry]);
  }
  return [...groups.values()];
}
