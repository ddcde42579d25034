/** IANA time zone names, checked with the platform's Intl (works in browsers and Node). */

const known = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  const cached = known.get(zone);
  if (cached !== undefined) return cached;
  let valid: boolean;
  try {
    // Offsets such as "+07:00" are accepted by newer Intl versions but are not IANA names.
    valid =
      /^[A-Za-z]/.test(zone) &&
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions() !== null;
  } catch {
    valid = false;
  }
  if (known.size > 500) known.clear();
  known.set(zone, valid);
  return valid;
}
