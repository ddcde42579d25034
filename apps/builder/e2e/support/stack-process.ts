// Starts and stops shared-stack.main.ts as a process of its own (tsx resolves the workspace's TypeScript paths).
// Used by the builder's Jest global setup and by the builder benchmark; takes the workspace root as an argument
// because the two load this file as different module kinds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { E2E_STACK_READY } from './shared-stack.types';

const STACK_START_TIMEOUT_MS = 240_000;

export interface StackProcess {
  child: ChildProcess;
  /** The E2eStack description, as JSON. */
  json: string;
}

/** Starts the stack on the run's services (the TEST_ENV variables of tools/testing/global-setup.ts). */
export async function startStackProcess(workspaceRoot: string): Promise<StackProcess> {
  const tsxCli = join(
    createRequire(join(workspaceRoot, 'package.json')).resolve('tsx/package.json'),
    '../dist/cli.mjs',
  );
  const builderRoot = join(workspaceRoot, 'apps/builder');
  const child = spawn(process.execPath, [tsxCli, join(builderRoot, 'e2e/support/shared-stack.main.ts')], {
    cwd: builderRoot,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  process.once('exit', () => killGroup(child, 'SIGKILL'));
  return { child, json: await readyLine(child) };
}

/** SIGTERM (the stack stops its processes), then SIGKILL after 15 s. */
export async function stopStackProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function readyLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      reject(new Error(`The shared browser-test stack ${reason}. Its output:\n${output.slice(-12_000)}`));
    };
    const timer = setTimeout(
      () => fail(`did not start within ${STACK_START_TIMEOUT_MS / 1000} s`),
      STACK_START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith(E2E_STACK_READY));
      if (!line) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(line.slice(E2E_STACK_READY.length));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', onExit);
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
