import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stopProcess } from '../process/stop-process';
import { workspaceRoot } from '../process/workspace-root';

export const testLogDir = join(workspaceRoot, 'tmp', 'test-logs');

/** Starts a long-running server for the test run in its own process group, its output in tmp/test-logs/<name>.log. */
export function startServer(name: string, command: string, args: string[]): ChildProcess {
  mkdirSync(testLogDir, { recursive: true });
  const log = createWriteStream(join(testLogDir, `${name}.log`));
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on('error', (error) => log.write(`failed to start: ${error.message}\n`));
  return child;
}

/** Why a server started by `startServer` is no longer running (for a wait's `giveUp`), or undefined while it runs. */
export function exitedReason(child: ChildProcess): string | undefined {
  if (child.exitCode !== null) return `it exited with code ${child.exitCode} (see tmp/test-logs)`;
  if (child.signalCode !== null) return `it was killed by ${child.signalCode} (see tmp/test-logs)`;
  return undefined;
}

/** Stops a server and everything it started: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  await stopProcess(child.pid, { graceMs });
}

/** Last resort when the test process exits: kills the server's whole group at once. */
export function killServer(child: ChildProcess): void {
  if (child.pid !== undefined) killProcessGroup(child.pid);
}

/** Kills the process group `pid` leads (a server started by `startServer`), if it is still there. */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
