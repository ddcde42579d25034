import 'reflect-metadata';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { createApp } from './create-app';
import { createWorkerApp } from './worker/create-worker-app';
import { closeOnSignals, closeWorkerThenApi } from './worker/in-process-shutdown';
import { LoaWorkerHost } from './worker/loa-worker.host';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // With the worker inside, one signal handler closes the worker, then the API (whose DataSource the worker uses).
  const app = await createApp(config, { shutdownHooks: !config.apiRunsWorker });
  let worker: INestApplicationContext | undefined;
  if (config.apiRunsWorker) closeOnSignals(() => closeWorkerThenApi(worker, app));
  await app.listen(config.http.port, config.http.host);
  Logger.log('API listening', {
    url: `http://${config.http.host}:${config.http.port}`,
    database: config.database.kind,
  });
  if (!config.apiRunsWorker) return;
  // The embedded database admits one process, so the worker runs here, sharing it (LOA_API_RUNS_WORKER). A worker
  // that fails leaves the API serving, with GET /health reporting the worker down, as with a separate process.
  const stopped = (error: unknown) =>
    Logger.error('Temporal worker stopped; GET /health reports it down', { error: String(error) });
  try {
    worker = await createWorkerApp(config, app.get(DataSource));
    Logger.log('Temporal worker running in the API process', { database: config.database.kind });
    worker.get(LoaWorkerHost).stopped().catch(stopped);
  } catch (error) {
    stopped(error);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Loa API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
