import { parseReportFilters, toApiWindow, withReportFilters } from './report-filters';

describe('report filters in the address', () => {
  it('reads the version and the days, leaving out what is malformed', () => {
    expect(parseReportFilters(new URLSearchParams('version=2&from=2026-12-01&to=2026-12-07'))).toEqual({
      version: 2,
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(parseReportFilters(new URLSearchParams('version=0&from=yesterday&to=2026-13-45'))).toEqual({});
    expect(parseReportFilters(new URLSearchParams('version=1.5'))).toEqual({});
  });

  it('drops an end before the start', () => {
    expect(parseReportFilters(new URLSearchParams('from=2026-12-07&to=2026-12-01'))).toEqual({
      from: '2026-12-07',
    });
  });

  it('writes the filters back, keeping other parameters and removing cleared ones', () => {
    const search = new URLSearchParams('interval=hour&version=3&from=2026-12-01');
    expect(withReportFilters(search, { version: 1, to: '2026-12-02' }).toString()).toBe(
      'interval=hour&version=1&to=2026-12-02',
    );
  });

  it("asks the API for whole days in the workspace's time zone, the last day included", () => {
    const window = { version: 2, from: '2026-12-01', to: '2026-12-31' };
    expect(toApiWindow({ ...window, timeZone: 'Asia/Ho_Chi_Minh' })).toEqual({
      version: 2,
      from: '2026-11-30T17:00:00.000Z',
      to: '2026-12-31T17:00:00.000Z',
    });
    expect(toApiWindow({ ...window, timeZone: 'UTC' })).toMatchObject({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(toApiWindow({})).toEqual({});
  });
});
