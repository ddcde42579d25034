import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killProcessGroup, testLogDir } from './child-processes';

/**
 * Servers a test file starts for itself (a time-skipping server) stop with the file; a Jest worker that crashes or
 * is killed cannot stop them, so each is also listed here, by process group, for the global teardown to kill.
 */
const REGISTRY_ENV = 'LOA_TEST_FILE_SERVERS_DIR';

/** Called by the global setup: the run's list of servers started by test files. */
export function openFileServerRegistry(runId: string): string {
  const dir = join(testLogDir, `file-servers-${runId}`);
  mkdirSync(dir, { recursive: true });
  process.env[REGISTRY_ENV] = dir;
  return dir;
}

/** Lists a server a test file started; the returned function takes it off the list once it has stopped. */
export function registerFileServer(pid: number | undefined): () => void {
  const dir = process.env[REGISTRY_ENV];
  if (!dir || pid === undefined) return () => undefined;
  const entry = join(dir, String(pid));
  writeFileSync(entry, '');
  return () => rmSync(entry, { force: true });
}

/** Called by the global teardown: kills every listed server still running, and drops the list. */
export function killFileServers(dir: string): void {
  for (const name of safeList(dir)) killProcessGroup(Number(name));
  rmSync(dir, { recursive: true, force: true });
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}
