// Runs the built API (apps/api/dist) for the ingestion benchmark in its own process, with one extra route,
// POST /bench/bare, registered on the same Express server behind the same middleware (request id, helmet, JSON
// body parser) but outside Nest: no guard, no validation, no database, no Redis. Prints one JSON line with the URL.
import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';

interface ApiDist {
  createApp: (config: unknown) => Promise<INestApplication>;
  loadConfig: () => { http: { host: string; port: number } };
}

async function main(): Promise<void> {
  // The compiled API (tsc with decorator metadata), exactly what `npm start` runs.
  const { createApp } = require('../../apps/api/dist/create-app.js') as Pick<ApiDist, 'createApp'>;
  const { loadConfig } = require('../../apps/api/dist/config/load-config.js') as Pick<ApiDist, 'loadConfig'>;
  const config = loadConfig();
  const app = await createApp(config);
  app.use('/bench/bare', (_req: Request, res: Response) => {
    res.status(200).json({ success: true });
  });
  await app.listen(config.http.port, config.http.host);
  process.stdout.write(`${JSON.stringify({ url: `http://${config.http.host}:${config.http.port}` })}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
