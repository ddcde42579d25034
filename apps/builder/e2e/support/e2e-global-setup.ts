// The builder's Jest global setup: the run's services (tools/testing/global-setup.ts: Temporal, PostgreSQL, Redis),
// then the shared browser-test stack (shared-stack.main.ts) in a process of its own, run by tsx so that it resolves
// the workspace's TypeScript paths. The stack's description reaches the test files through LOA_E2E_STACK.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { E2E_STACK_ENV, E2E_STACK_READY } from './shared-stack.types';

type JestHook = (globalConfig: unknown, projectConfig: unknown) => Promise<void>;

const workspaceRoot = join(__dirname, '../../../..');
const STACK_START_TIMEOUT_MS = 240_000;

declare global {
  var __LOA_E2E_STACK__: ChildProcess | undefined;
}

export default async function e2eGlobalSetup(globalConfig: unknown, projectConfig: unknown): Promise<void> {
  const servicesSetup = (
    require(join(workspaceRoot, 'tools/testing/global-setup.ts')) as { default: JestHook }
  ).default;
  await servicesSetup(globalConfig, projectConfig);
  const tsxCli = join(
    createRequire(join(workspaceRoot, 'package.json')).resolve('tsx/package.json'),
    '../dist/cli.mjs',
  );
  const child = spawn(process.execPath, [tsxCli, join(__dirname, 'shared-stack.main.ts')], {
    cwd: join(__dirname, '../..'),
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  globalThis.__LOA_E2E_STACK__ = child;
  process.once('exit', () => killGroup(child, 'SIGKILL'));
  process.env[E2E_STACK_ENV] = await readyLine(child);
}

/** The stack's JSON description, once it prints it; its output when it fails or takes too long. */
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
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(line.slice(E2E_STACK_READY.length));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`));
  });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
