/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Hour of the day (0–23) in Vietnam at `epochMs`. */
export function vietnamHour(epochMs: number): number {
  return new Date(epochMs + VIETNAM_OFFSET_MS).getUTCHours();
}

/** The Vietnamese calendar day of `epochMs`, as yyyy-mm-dd (quota days, one promotion per user per day). */
export function vietnamDay(epochMs: number): string {
  return new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of the next midnight in Vietnam after `epochMs` (when daily quotas reset). */
export function nextVietnamMidnight(epochMs: number): number {
  const shifted = epochMs + VIETNAM_OFFSET_MS;
  return shifted - (shifted % DAY_MS) + DAY_MS - VIETNAM_OFFSET_MS;
}

/** True when `epochMs` falls in [fromHour, toHour) Vietnam time; the window may wrap midnight (22 → 6). */
export function inVietnamHours(epochMs: number, window: { fromHour: number; toHour: number }): boolean {
  const hour = vietnamHour(epochMs);
  return window.fromHour <= window.toHour
    ? hour >= window.fromHour && hour < window.toHour
    : hour >= window.fromHour || hour < window.toHour;
}

/** dd/mm/yyyy in Vietnam time, as Zalo shows interaction dates. */
export function vietnamDate(epochMs: number): string {
  const [year, month, day] = vietnamDay(epochMs).split('-');
  return `${day}/${month}/${year}`;
}
