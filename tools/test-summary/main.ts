// Sums the counts each Jest run wrote to tmp/test-counts against the projects Nx knows with a test target; prints
// one line per project and the closing line "N passed, N failed, N skipped"; exits 1 on any problem.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '../process/workspace-root';
import { parseCounts, summarize, type TestCounts } from './summarize';

function projectsWithTests(): string[] {
  const output = execFileSync(
    join(workspaceRoot, 'node_modules', '.bin', 'nx'),
    ['show', 'projects', '--with-target', 'test', '--json'],
    {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
    },
  );
  return (JSON.parse(output) as string[]).sort();
}

function readReports(dir: string): TestCounts[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    // no Jest run reported anything: summarize says so
  }
  return files.sort().map((name) => parseCounts(readFileSync(join(dir, name), 'utf8'), name));
}

const { lines, problems } = summarize(
  readReports(join(workspaceRoot, 'tmp', 'test-counts')),
  projectsWithTests(),
);
for (const line of lines) console.log(line);
if (problems.length > 0) {
  console.error(`Test summary: ${problems.join('; ')}`);
  process.exit(1);
}
