import { csvFileName } from './csv-file-name';

describe('CSV file names', () => {
  it('name the table and the filters it was downloaded with', () => {
    expect(csvFileName('channels', {})).toBe('campaign-report-channels-all-versions.csv');
    expect(csvFileName('series', { version: 2, from: '2026-12-01', to: '2026-12-07' }, 'hour')).toBe(
      'campaign-report-series-v2-per-hour-from-2026-12-01-to-2026-12-07.csv',
    );
  });
});
