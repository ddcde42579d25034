// Writes each Jest run's totals to tmp/test-counts so that scripts/check.sh can fail a run that executed no test.
const fs = require('node:fs');
const path = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', 'tmp', 'test-counts');
    fs.mkdirSync(dir, { recursive: true });
    const name =
      path.relative(path.join(__dirname, '..', '..'), this.rootDir).replace(/[\\/]/g, '__') || 'root';
    const counts = {
      project: name,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(counts));
  }
}

module.exports = CountReporter;
