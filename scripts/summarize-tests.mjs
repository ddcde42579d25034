// Sums the counts each Jest run wrote to tmp/test-counts; fails when a project with tests reported nothing or
// when no test ran at all. Prints the closing line "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'tmp', 'test-counts');
const projectsWithTests = [
  'apps__api',
  'apps__builder',
  'packages__engine',
  'packages__connectors',
  'packages__provider-sandbox',
  'packages__sms-text',
];

let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
  // No Jest run reported anything; handled below.
}
const reports = files.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
const missing = projectsWithTests.filter((project) => !reports.some((report) => report.project === project));
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
  console.log(
    `${report.project.replace('__', '/')}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`,
  );
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);

const problems = [];
if (missing.length > 0) problems.push(`no test report from: ${missing.join(', ')}`);
if (total.passed === 0) problems.push('no test ran');
if (total.failed > 0 || total.suitesFailed > 0) problems.push('tests failed');
if (problems.length > 0) {
  console.error(`Test summary: ${problems.join('; ')}`);
  process.exit(1);
}
