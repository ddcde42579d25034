// The builder's Jest global setup: the run's services (tools/testing/global-setup.ts: Temporal, PostgreSQL, Redis),
// then the shared browser-test stack (shared-stack.main.ts) in a process of its own. The stack's description
// reaches the test files through LOA_E2E_STACK.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { E2E_STACK_ENV } from './shared-stack.types';
import { startStackProcess } from './stack-process';

type JestHook = (globalConfig: unknown, projectConfig: unknown) => Promise<void>;

const workspaceRoot = join(__dirname, '../../../..');

declare global {
  var __LOA_E2E_STACK__: ChildProcess | undefined;
}

export default async function e2eGlobalSetup(globalConfig: unknown, projectConfig: unknown): Promise<void> {
  const servicesSetup = (
    require(join(workspaceRoot, 'tools/testing/global-setup.ts')) as { default: JestHook }
  ).default;
  await servicesSetup(globalConfig, projectConfig);
  const stack = await startStackProcess(workspaceRoot);
  globalThis.__LOA_E2E_STACK__ = stack.child;
  process.env[E2E_STACK_ENV] = stack.json;
}
