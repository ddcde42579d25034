import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { LoaConfig } from '../config/loa-config';
import { createLogger } from '../logging/create-logger';
import { WorkerModule } from './worker.module';

/** Boots the worker process (a Nest application context without HTTP); worker.main.ts and the tests share it. */
export async function createWorkerApp(config: LoaConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: createLogger(config.log, 'LoaWorker'),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
