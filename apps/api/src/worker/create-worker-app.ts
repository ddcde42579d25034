import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { LoaConfig } from '../config/loa-config';
import { createLogger } from '../logging/create-logger';
import { WorkerModule } from './worker.module';

/**
 * Boots the worker process (a Nest application context without HTTP); worker.main.ts and the tests share it. Inside
 * the API process it takes the API's DataSource (`sharedDataSource`) instead of opening its own, and the API process
 * closes it on termination signals (before the API: worker/in-process-shutdown.ts).
 */
export async function createWorkerApp(
  config: LoaConfig,
  sharedDataSource?: DataSource,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, sharedDataSource), {
    logger: createLogger(config.log, 'LoaWorker'),
    abortOnError: false,
  });
  if (!sharedDataSource) app.enableShutdownHooks();
  await app.init();
  return app;
}
