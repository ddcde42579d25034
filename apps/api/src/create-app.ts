import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import type { LoaConfig } from './config/loa-config';
import { bodyErrorHandler, jsonBodyParser, webhookBodyParser } from './http/body-parsing';
import { mountFastRoutes } from './http/fast-routes';
import { requestIdMiddleware } from './http/request-id';
import { requestLogMiddleware } from './http/request-log';
import { createLogger } from './logging/create-logger';

/**
 * Builds the HTTP application; main.ts and the tests share it. `shutdownHooks: false` when the process closes it
 * itself (the worker inside the API process must close first: worker/in-process-shutdown.ts).
 */
export async function createApp(
  config: LoaConfig,
  { shutdownHooks = true }: { shutdownHooks?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: createLogger(config.log, 'LoaApi'),
    abortOnError: false,
    bodyParser: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware);
  // upgrade-insecure-requests would send a plain-HTTP deployment's own /docs assets to https:// and break them.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.cookieSecure ? [] : null } },
    }),
  );
  app.use(cookieParser());
  app.use('/webhooks', webhookBodyParser);
  app.use(jsonBodyParser);
  app.use(bodyErrorHandler);
  mountFastRoutes(app);
  if (shutdownHooks) app.enableShutdownHooks();
  return app;
}
