import 'reflect-metadata';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { createWorkerApp } from './worker/create-worker-app';
import { LoaWorkerHost } from './worker/loa-worker.host';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorkerApp(config);
  await app.get(LoaWorkerHost).stopped();
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`Loa worker stopped: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
