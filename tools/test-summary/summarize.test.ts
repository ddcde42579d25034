import { parseCounts, summarize, type TestCounts } from './summarize';

const counts = (project: string, passed: number, extra: Partial<TestCounts> = {}): TestCounts => ({
  project,
  passed,
  failed: 0,
  skipped: 0,
  suitesFailed: 0,
  ...extra,
});

describe('summarize', () => {
  it('passes when every project with tests ran some and all passed', () => {
    const summary = summarize([counts('@loa/a', 3), counts('@loa/b', 2)], ['@loa/a', '@loa/b']);

    expect(summary.problems).toEqual([]);
    expect(summary.lines).toEqual([
      '@loa/a: 3 passed, 0 failed, 0 skipped',
      '@loa/b: 2 passed, 0 failed, 0 skipped',
      '5 passed, 0 failed, 0 skipped',
    ]);
  });

  it('fails on a skipped or todo test', () => {
    expect(summarize([counts('@loa/a', 3, { skipped: 1 })], ['@loa/a']).problems).toEqual([
      'skipped or todo tests in: @loa/a (1)',
    ]);
  });

  it('fails when a project with a test target ran zero tests or reported nothing', () => {
    expect(
      summarize([counts('@loa/a', 3), counts('@loa/b', 0)], ['@loa/a', '@loa/b', '@loa/c']).problems,
    ).toEqual(['no test report from: @loa/c', 'no test ran in: @loa/b']);
  });

  it('fails on failed tests and suites, and when no test ran at all', () => {
    expect(summarize([counts('@loa/a', 1, { failed: 1 })], ['@loa/a']).problems).toEqual(['tests failed']);
    expect(summarize([counts('@loa/a', 1, { suitesFailed: 1 })], ['@loa/a']).problems).toEqual([
      'tests failed',
    ]);
    expect(summarize([], []).problems).toEqual(['no test ran']);
  });
});

describe('failures', () => {
  it('names each failed test with the first lines of its message, above the totals', () => {
    const summary = summarize(
      [
        counts('@loa/a', 2, {
          failed: 1,
          failures: [{ file: 'src/x.test.ts', test: 'x does y', message: 'expected 1\nreceived 2' }],
        }),
      ],
      ['@loa/a'],
    );

    expect(summary.lines).toEqual([
      '@loa/a: 2 passed, 1 failed, 0 skipped',
      'FAILED @loa/a src/x.test.ts › x does y',
      '    expected 1',
      '    received 2',
      '2 passed, 1 failed, 0 skipped',
    ]);
    expect(summary.problems).toEqual(['tests failed']);
  });
});

describe('parseCounts', () => {
  it('reads a report and rejects anything else', () => {
    expect(parseCounts(JSON.stringify(counts('@loa/a', 1)), 'a.json')).toEqual(counts('@loa/a', 1));
    expect(() => parseCounts('{"project":"x"}', 'x.json')).toThrow('x.json is not a test count report');
    expect(() => parseCounts(JSON.stringify({ ...counts('@loa/a', 1), failures: 'x' }), 'a.json')).toThrow(
      'a.json is not a test count report',
    );
  });
});
