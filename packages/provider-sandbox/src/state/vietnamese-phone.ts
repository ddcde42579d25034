/** Vietnamese mobile numbers: 84 + 9 digits starting 3, 5, 7, 8 or 9, written 84…, +84… or 0… (providers.md §4). */
const VIETNAMESE_MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

/** The `84xxxxxxxxx` form of a Vietnamese mobile number, or null when it is not one. */
export function toZaloPhone(input: string): string | null {
  const match = VIETNAMESE_MOBILE.exec(input.trim());
  return match ? `84${match[1]}` : null;
}
