/** What one Jest run reported (tools/testing/count-reporter.cjs writes one per project into tmp/test-counts). */
export interface TestCounts {
  project: string;
  passed: number;
  failed: number;
  /** Skipped and todo tests. */
  skipped: number;
  suitesFailed: number;
  /** Absent in reports written before failures were recorded. */
  failures?: TestFailure[];
}

export interface TestFailure {
  /** Relative to the project's root. */
  file: string;
  test: string;
  /** The first lines of what Jest printed for it. */
  message: string;
}

export interface Summary {
  lines: string[];
  /** Empty when the run passes. */
  problems: string[];
}

/**
 * Totals of a test run and what makes it fail: a failed test or suite, a skipped or todo test, a project with a
 * test target that reported nothing or ran zero tests, and a run with no test at all. Each failed test is named with
 * the first lines of its message, just above the totals.
 */
export function summarize(reports: TestCounts[], projectsWithTests: string[]): Summary {
  const lines = reports.map(
    (report) =>
      `${report.project}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`,
  );
  const total = reports.reduce(
    (sum, report) => ({
      passed: sum.passed + report.passed,
      failed: sum.failed + report.failed,
      skipped: sum.skipped + report.skipped,
      suitesFailed: sum.suitesFailed + report.suitesFailed,
    }),
    { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 },
  );
  for (const report of reports) {
    for (const failure of report.failures ?? []) {
      lines.push(`FAILED ${report.project} ${failure.file} › ${failure.test}`);
      lines.push(...failure.message.split('\n').map((line) => `    ${line}`));
    }
  }
  lines.push(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);

  const problems: string[] = [];
  const missing = projectsWithTests.filter(
    (project) => !reports.some((report) => report.project === project),
  );
  if (missing.length > 0) problems.push(`no test report from: ${missing.join(', ')}`);
  const empty = reports
    .filter((report) => report.passed + report.failed === 0)
    .map((report) => report.project);
  if (empty.length > 0) problems.push(`no test ran in: ${empty.join(', ')}`);
  if (total.passed === 0) problems.push('no test ran');
  if (total.failed > 0 || total.suitesFailed > 0) problems.push('tests failed');
  const skipping = reports.filter((report) => report.skipped > 0);
  if (skipping.length > 0) {
    problems.push(
      `skipped or todo tests in: ${skipping.map((report) => `${report.project} (${report.skipped})`).join(', ')}`,
    );
  }
  return { lines, problems };
}

/** Reads one report file's JSON; throws a readable error for anything else. */
export function parseCounts(text: string, file: string): TestCounts {
  const value = JSON.parse(text) as Partial<TestCounts>;
  const numbers = ['passed', 'failed', 'skipped', 'suitesFailed'] as const;
  if (
    typeof value.project !== 'string' ||
    numbers.some((key) => typeof value[key] !== 'number') ||
    (value.failures !== undefined && !Array.isArray(value.failures))
  ) {
    throw new Error(`${file} is not a test count report`);
  }
  return value as TestCounts;
}
