import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizeVietnamesePhone } from '../../phone/normalize-phone';

/**
 * Twilio takes E.164. Numbers without a country code are read as Vietnamese; Vietnamese numbers must be mobiles
 * (normalizeVietnamesePhone), other countries' numbers must be valid for their country.
 */
export function toE164(input: string): { ok: true; phone: string } | { ok: false } {
  const parsed = parsePhoneNumberFromString(input.trim(), 'VN');
  if (!parsed) return { ok: false };
  if (parsed.country === 'VN' || parsed.countryCallingCode === '84') {
    const vietnamese = normalizeVietnamesePhone(input);
    return vietnamese.ok ? { ok: true, phone: `+${vietnamese.phone}` } : { ok: false };
  }
  return parsed.isValid() ? { ok: true, phone: parsed.number } : { ok: false };
}
