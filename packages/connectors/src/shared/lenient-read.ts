/**
 * Readers for the parts of a provider's answer that Loa does not depend on: a value of an unexpected shape reads as
 * undefined, so that an answer the provider gave as a success is never failed over a field Loa could do without.
 */

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A provider code or status written as text or as a number ("100", 100, " 100 "). */
export function readCode(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An id written as text or as a number. */
export const readId = readCode;

/** A number written as a number or as numeric text ("600", "0.0075"). */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Non-empty text. */
export function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A list of ids or phone numbers; anything that is not a list reads as empty. */
export function readIdList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(readId).filter((id): id is string => id !== undefined) : [];
}

/** ISO 8601 of an epoch-ms time the provider gave, or of `fallbackMs` when it gave none that is a date. */
export function isoTime(epochMs: number | undefined, fallbackMs: number): string {
  const date = new Date(epochMs ?? Number.NaN);
  return Number.isNaN(date.getTime()) ? new Date(fallbackMs).toISOString() : date.toISOString();
}
