import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const testLogDir = join(__dirname, '..', '..', 'tmp', 'test-logs');

/** Starts a long-running server for the test run, its output in tmp/test-logs/<name>.log. */
export function startServer(name: string, command: string, args: string[]): ChildProcess {
  mkdirSync(testLogDir, { recursive: true });
  const log = createWriteStream(join(testLogDir, `${name}.log`));
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on('error', (error) => log.write(`failed to start: ${error.message}\n`));
  return child;
}

/** Stops a server: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
