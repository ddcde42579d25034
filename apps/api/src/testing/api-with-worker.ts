import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { LoaConfig } from '../config/loa-config';
import { createApp } from '../create-app';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { createWorkerApp } from '../worker/create-worker-app';
import { testConfig } from './test-config';
import { seedTestWorkspace, type TestWorkspace } from './test-workspace';

export interface ApiWithWorker {
  config: LoaConfig;
  app: INestApplication;
  workerApp: INestApplicationContext;
  db: DataSource;
  client: Client;
  ws: TestWorkspace;
  close(): Promise<void>;
}

/** The API and the worker on the run's services, a Temporal client and a seeded workspace, for journey tests. */
export async function startApiWithWorker(config: LoaConfig = testConfig()): Promise<ApiWithWorker> {
  const app = await createApp(config);
  await app.init();
  const workerApp = await createWorkerApp(config);
  const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const ws = await seedTestWorkspace(app);
  return {
    config,
    app,
    workerApp,
    db: app.get(DataSource),
    client,
    ws,
    close: async () => {
      await workerApp.close();
      await app.close();
      await connection.close();
    },
  };
}
