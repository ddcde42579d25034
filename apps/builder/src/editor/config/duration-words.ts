import type { TimeUnit } from '@loa/engine/browser';

export type Language = 'vi' | 'en';

const VI: Record<TimeUnit, string> = { minutes: 'phút', hours: 'giờ', days: 'ngày', weeks: 'tuần' };
const EN: Record<TimeUnit, [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};

/** "2 ngày", "1 day", "3 weeks": a delay or period as a marketer says it. */
export function formatDuration(amount: number, unit: TimeUnit, language: Language): string {
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US').format(amount);
  if (language === 'vi') return `${number} ${VI[unit]}`;
  const [one, many] = EN[unit];
  return `${number} ${amount === 1 ? one : many}`;
}

export function languageOf(resolved: string | undefined): Language {
  return resolved?.startsWith('vi') ? 'vi' : 'en';
}
