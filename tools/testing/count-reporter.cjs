// Writes each Jest run's totals and failures to tmp/test-counts (named by its Nx project), for the test summary of
// npm test (tools/test-summary), which fails a run with a failed, skipped or todo test, or a project that ran none,
// and names each failure last, where a CI log that keeps only its tail still shows it.
const fs = require('node:fs');
const path = require('node:path');

const workspaceRoot = path.join(__dirname, '..', '..');

/** The Nx project name of a Jest root directory: project.json's name, else package.json's, else its path. */
function projectName(rootDir) {
  for (const file of ['project.json', 'package.json']) {
    try {
      const { name } = JSON.parse(fs.readFileSync(path.join(rootDir, file), 'utf8'));
      if (typeof name === 'string' && name) return name;
    } catch {
      // not there: next
    }
  }
  return path.relative(workspaceRoot, rootDir) || 'root';
}

const MESSAGE_LINES = 12;

/** The first lines of a failure message, without colour codes or stack frames inside node_modules. */
function shortMessage(text) {
  return (
    String(text ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.includes('node_modules'))
      .slice(0, MESSAGE_LINES)
      .join('\n')
  );
}

/** Each failed test, and each test file that failed to run at all, with where and why. */
function failuresOf(results, rootDir) {
  const failures = [];
  for (const file of results.testResults) {
    const where = path.relative(rootDir, file.testFilePath);
    if (file.testExecError) {
      failures.push({
        file: where,
        test: '(the file did not run)',
        message: shortMessage(file.testExecError.message),
      });
    }
    for (const test of file.testResults) {
      if (test.status === 'failed') {
        failures.push({
          file: where,
          test: test.fullName,
          message: shortMessage(test.failureMessages.join('\n')),
        });
      }
    }
  }
  return failures;
}

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(workspaceRoot, 'tmp', 'test-counts');
    fs.mkdirSync(dir, { recursive: true });
    const project = projectName(this.rootDir);
    const counts = {
      project,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
      failures: failuresOf(results, this.rootDir),
    };
    fs.writeFileSync(
      path.join(dir, `${project.replace(/[^A-Za-z0-9._-]+/g, '__')}.json`),
      JSON.stringify(counts),
    );
  }
}

module.exports = CountReporter;
