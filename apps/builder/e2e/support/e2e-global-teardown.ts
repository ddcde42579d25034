import { join } from 'node:path';
import { killGroup } from './e2e-global-setup';

const workspaceRoot = join(__dirname, '../../../..');

/** Stops the shared browser-test stack (SIGTERM, then SIGKILL after 15 s), then the run's services. */
export default async function e2eGlobalTeardown(): Promise<void> {
  const child = globalThis.__LOA_E2E_STACK__;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  globalThis.__LOA_E2E_STACK__ = undefined;
  const servicesTeardown = (
    require(join(workspaceRoot, 'tools/testing/global-teardown.ts')) as {
      default: () => Promise<void>;
    }
  ).default;
  await servicesTeardown();
}
