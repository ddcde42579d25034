// Writes each Jest run's totals to tmp/test-counts (named by its Nx project), for the test summary of npm test
// (tools/test-summary), which fails a run with a failed, skipped or todo test, or a project that ran none.
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
    };
    fs.writeFileSync(
      path.join(dir, `${project.replace(/[^A-Za-z0-9._-]+/g, '__')}.json`),
      JSON.stringify(counts),
    );
  }
}

module.exports = CountReporter;
