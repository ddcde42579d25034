/**
 * Dates, times and money in Vietnamese formats whatever the interface language (the workspace's customers and
 * invoices are Vietnamese): 30/11/2026 14:05, 1.250.000 ₫. Times are shown in the workspace's time zone.
 */
const LOCALE = 'vi-VN';

export function formatDateTime(value: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone && { timeZone }),
  }).format(new Date(value));
}

export function formatDate(value: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(timeZone && { timeZone }),
  }).format(new Date(value));
}

export function formatTime(value: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone && { timeZone }),
  }).format(new Date(value));
}

export function formatVnd(amount: number): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** An amount in any currency (a provider's bill in USD, say), in the interface's language. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 4 }).format(
    amount,
  );
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(LOCALE).format(value);
}

/** A ratio (0.333…) as a percentage with one decimal: 33,3%. */
export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

/** A number with at most `digits` decimals: 3,84. */
export function formatDecimal(value: number, digits: number): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(value);
}
