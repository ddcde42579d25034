import { DateTime } from 'luxon';

const OFFSET_PATTERN = /^([+-])(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const UNIT_MS = [604_800_000, 86_400_000, 3_600_000, 60_000, 1000];

/** Whether a text is a moment the simulator understands: ISO 8601, or an offset such as "+2d3h" or "-1w". */
export function isTimeSpec(text: string): boolean {
  return offsetMs(text) !== undefined || isIsoTime(text);
}

export function isIsoTime(text: string): boolean {
  return DateTime.fromISO(text).isValid;
}

/** An offset such as "+2d3h", "+90m" or "-1w" in milliseconds; undefined when the text is not one. */
export function offsetMs(text: string): number | undefined {
  const match = OFFSET_PATTERN.exec(text);
  if (!match || match.slice(2).every((part) => part === undefined)) return undefined;
  const total = match
    .slice(2)
    .reduce((sum, part, index) => sum + (part === undefined ? 0 : Number(part) * UNIT_MS[index]), 0);
  return match[1] === '-' ? -total : total;
}

/**
 * Resolves a moment: an offset counts from `baseMs`; an ISO text without an offset is read in `timezone`.
 * Throws on anything else (inputs are checked by the input schema first).
 */
export function resolveTime(text: string, input: { baseMs: number; timezone: string }): number {
  const offset = offsetMs(text);
  if (offset !== undefined) return input.baseMs + offset;
  const moment = DateTime.fromISO(text, { zone: input.timezone });
  if (!moment.isValid) throw new Error(`"${text}" is neither an ISO date-time nor an offset such as +2d3h`);
  return moment.toMillis();
}

/** ISO 8601 in the campaign timezone, without milliseconds: 2026-05-17T09:00:00+07:00. */
export function formatTime(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '';
}
