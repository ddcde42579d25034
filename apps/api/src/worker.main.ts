import 'reflect-metadata';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { createWorkerApp } from './worker/create-worker-app';
import { LoaWorkerHost } from './worker/loa-worker.host';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.database.kind === 'pglite' && !config.database.dataDir.startsWith('memory://')) {
    process.stderr.write(
      `The embedded database (${config.database.dataDir}) admits one process: the API process runs the worker ` +
        'when DATABASE_URL is unset. Set DATABASE_URL to a PostgreSQL database to run the worker on its own.\n',
    );
    process.exit(78);
  }
  const app = await createWorkerApp(config);
  await app.get(LoaWorkerHost).stopped();
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`Loa worker stopped: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
