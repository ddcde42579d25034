import { join } from 'node:path';
import { stopStackProcess } from './stack-process';

const workspaceRoot = join(__dirname, '../../../..');

/** Stops the shared browser-test stack, then the run's services. */
export default async function e2eGlobalTeardown(): Promise<void> {
  const child = globalThis.__LOA_E2E_STACK__;
  if (child) await stopStackProcess(child);
  globalThis.__LOA_E2E_STACK__ = undefined;
  const servicesTeardown = (
    require(join(workspaceRoot, 'tools/testing/global-teardown.ts')) as { default: () => Promise<void> }
  ).default;
  await servicesTeardown();
}
