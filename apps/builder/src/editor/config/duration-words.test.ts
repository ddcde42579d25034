import { formatDuration, languageOf } from './duration-words';

describe('formatDuration', () => {
  it('says delays in Vietnamese', () => {
    expect(formatDuration(2, 'days', 'vi')).toBe('2 ngày');
    expect(formatDuration(1, 'weeks', 'vi')).toBe('1 tuần');
    expect(formatDuration(1500, 'minutes', 'vi')).toBe('1.500 phút');
  });
  it('says delays in English with singular and plural', () => {
    expect(formatDuration(1, 'hours', 'en')).toBe('1 hour');
    expect(formatDuration(4, 'hours', 'en')).toBe('4 hours');
    expect(formatDuration(1500, 'minutes', 'en')).toBe('1,500 minutes');
  });
  it('picks the language from i18next', () => {
    expect(languageOf('vi')).toBe('vi');
    expect(languageOf('en')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
