/** Characters a user types inside a phone number. */
const PHONE_PUNCTUATION = /[\s.\-()+]/g;

export type SearchTerm = { kind: 'phone'; digits: string; text: string } | { kind: 'text'; text: string };

/**
 * What a search box query looks for. Three or more digits (with the usual spacing) are a phone fragment: one with
 * a leading 0 is rewritten to the stored 84… form, so "0912 345" finds 84912345678 and so does "345 678".
 * Anything else is a prefix of a name word, an e-mail or an external id.
 */
export function parseSearchTerm(query: string): SearchTerm {
  const text = query.normalize('NFC').trim();
  const digits = text.replace(PHONE_PUNCTUATION, '');
  if (/^\d{3,}$/.test(digits))
    return { kind: 'phone', digits: digits.startsWith('0') ? `84${digits.slice(1)}` : digits, text };
  return { kind: 'text', text };
}

/** `value` as a LIKE pattern that matches it literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
