import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type NormalizedPhone = { ok: true; phone: string } | { ok: false; reason: 'invalid' | 'not_mobile' };

/**
 * Normalises a Vietnamese mobile number to the 84xxxxxxxxx form that Zalo ZNS and the SMS gateways expect.
 * Accepts local (0912…), international (+84912…, 84912…) and spaced or dotted input.
 */
export function normalizeVietnamesePhone(input: string): NormalizedPhone {
  const parsed = parsePhoneNumberFromString(input.trim(), 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, phone: `${parsed.countryCallingCode}${parsed.nationalNumber}` };
}
