import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type NormalizedPhone = { ok: true; phone: string } | { ok: false; reason: 'invalid' | 'not_mobile' };

/** Answers kept for numbers seen recently: one send normalises its number several times (guards, ledger, connector). */
const REMEMBERED = 10_000;
const remembered = new Map<string, NormalizedPhone>();
/** Longer input is no phone number anyone types; it is answered without being kept. */
const LONGEST_REMEMBERED = 40;

/**
 * Normalises a Vietnamese mobile number to the 84xxxxxxxxx form that Zalo ZNS and the SMS gateways expect.
 * Accepts local (0912…), international (+84912…, 84912…) and spaced or dotted input.
 */
export function normalizeVietnamesePhone(input: string): NormalizedPhone {
  if (input.length > LONGEST_REMEMBERED) return parse(input);
  const known = remembered.get(input);
  if (known) return known;
  const answer = Object.freeze(parse(input));
  remember(input, answer);
  // The normalised number is what is normalised next (the ledger keeps it, the connector is given it): same answer.
  if (answer.ok && answer.phone !== input) remember(answer.phone, answer);
  return answer;
}

function remember(input: string, answer: NormalizedPhone): void {
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(input, answer);
}

function parse(input: string): NormalizedPhone {
  const parsed = parsePhoneNumberFromString(input.trim(), 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, phone: `${parsed.countryCallingCode}${parsed.nationalNumber}` };
}
