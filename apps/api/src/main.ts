import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  Logger.log('API listening', {
    url: `http://${config.http.host}:${config.http.port}`,
    database: config.database.kind,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Loa API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
