import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type NormalizedPhone = { ok: true; phone: string } | { ok: false; reason: 'invalid' | 'not_mobile' };

/**
 * Answers kept for numbers seen recently: one send normalises its number several times (guards, ledger, connector).
 * Two generations of at most GENERATION answers each: when the newer fills up, the older is dropped whole. (Evicting
 * the oldest key of one Map one at a time made each eviction scan the deleted entries V8 keeps at the Map's front.)
 */
const GENERATION = 5_000;
let recent = new Map<string, NormalizedPhone>();
let older = new Map<string, NormalizedPhone>();
/** Longer input is no phone number anyone types; it is answered without being kept. */
const LONGEST_REMEMBERED = 40;

/**
 * Normalises a Vietnamese mobile number to the 84xxxxxxxxx form that Zalo ZNS and the SMS gateways expect.
 * Accepts local (0912…), international (+84912…, 84912…) and spaced or dotted input.
 */
export function normalizeVietnamesePhone(input: string): NormalizedPhone {
  if (input.length > LONGEST_REMEMBERED) return parse(input);
  const known = recent.get(input) ?? older.get(input);
  if (known) return known;
  const answer = Object.freeze(parse(input));
  remember(input, answer);
  // The normalised number is what is normalised next (the ledger keeps it, the connector is given it): same answer.
  if (answer.ok && answer.phone !== input) remember(answer.phone, answer);
  return answer;
}

function remember(input: string, answer: NormalizedPhone): void {
  if (recent.size >= GENERATION) {
    older = recent;
    recent = new Map();
  }
  recent.set(input, answer);
}

function parse(input: string): NormalizedPhone {
  const parsed = parsePhoneNumberFromString(input.trim(), 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, phone: `${parsed.countryCallingCode}${parsed.nationalNumber}` };
}
