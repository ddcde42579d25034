// `npm run dev` runs on the embedded PGlite database, which admits one process: the API process runs the worker
// (LOA_API_RUNS_WORKER=auto), and a separate worker process refuses that database instead of breaking it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthReportSchema } from '@loa/api-contract';
import { assertApiBuilt, readTestServices, startApiStack } from './support/api-stack';
import { workerMain, workspaceRoot } from './support/paths';
import { ProcessGroup } from './support/processes';

const processes = new ProcessGroup();
const dataDir = mkdtempSync(join(tmpdir(), 'loa-embedded-'));

afterAll(async () => {
  await processes.stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('serves the API and the worker from one process, both healthy', async () => {
    assertApiBuilt();
    const stack = await startApiStack(processes, readTestServices(), {
      withWorker: true,
      pgliteDir: join(dataDir, 'pglite'),
    });
    expect(stack.worker).toBeUndefined();

    const report = healthReportSchema.parse(await (await fetch(`${stack.url}/health`)).json());
    expect(report.status).toBe('up');
    expect(report.checks.database.detail).toMatch(/^PGlite \(embedded\)/);
    expect(report.checks.worker.status).toBe('up');

    const worker = processes.start('worker', process.execPath, [workerMain], {
      cwd: workspaceRoot,
      env: stack.env,
    });
    await worker.exited;
    expect(worker.exit).toBe('exited with code 78');
    expect(worker.describe()).toContain('admits one process');
  });
});
