import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import type { LoaConfig } from './config/loa-config';
import { createLogger } from './logging/create-logger';

/** Builds the HTTP application; main.ts and the tests share it. */
export async function createApp(config: LoaConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: createLogger(config.log, 'LoaApi'),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
