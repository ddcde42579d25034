import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { healthReportSchema } from '@loa/api-contract';
import { freePort } from '@loa/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LoaConfig } from '../config/loa-config';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { createWorkerApp } from '../worker/create-worker-app';
import type { HealthReport } from './health-report';

/** Boots the real HTTP application against the run's real PostgreSQL, Redis and Temporal. */
async function startApi(config: LoaConfig): Promise<INestApplication> {
  const app = await createApp(config);
  await app.init();
  return app;
}

async function healthOf(app: INestApplication): Promise<{ status: number; body: HealthReport }> {
  const response = await request(app.getHttpServer()).get('/health');
  // Every answer must meet the contract the builder reads it with.
  return { status: response.status, body: healthReportSchema.parse(response.body) };
}

describe('GET /health against the real services', () => {
  const apps: INestApplicationContext[] = [];
  let config: LoaConfig;
  let api: INestApplication;

  beforeAll(async () => {
    config = testConfig();
    apps.push(await createWorkerApp(config));
    api = await startApi(config);
    apps.push(api);
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('is 200 with database, Redis, Temporal and the worker all up', async () => {
    const { status, body } = await healthOf(api);
    expect(body.checks).toEqual({
      database: expect.objectContaining({ status: 'up', detail: expect.stringMatching(/^PostgreSQL \d+/) }),
      redis: expect.objectContaining({ status: 'up' }),
      temporal: expect.objectContaining({
        status: 'up',
        detail: `namespace default at ${config.temporal.address}`,
      }),
      worker: expect.objectContaining({
        status: 'up',
        detail: `1 worker polling task queue ${config.temporal.taskQueue}`,
      }),
      channel_accounts: expect.objectContaining({ status: 'up' }),
    });
    expect(body.status).toBe('up');
    expect(status).toBe(200);
  });

  it('answers liveness without touching dependencies', async () => {
    const response = await request(api.getHttpServer()).get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'up' });
  });

  it('ran the migrations on PostgreSQL', async () => {
    const tables = await api.get(DataSource).query(`SELECT to_regclass('public.workspaces') AS name`);
    expect(tables).toEqual([{ name: 'workspaces' }]);
  });

  it('is 503 naming Redis when Redis is unreachable, and still reports the rest', async () => {
    const deadRedis = `redis://127.0.0.1:${await freePort()}`;
    const app = await startApi(
      testConfig({ REDIS_URL: deadRedis, TEMPORAL_TASK_QUEUE: config.temporal.taskQueue }),
    );
    apps.push(app);
    const { status, body } = await healthOf(app);
    expect(status).toBe(503);
    expect(body.status).toBe('down');
    expect(body.checks.redis.status).toBe('down');
    expect(body.checks.redis.error).toContain('ECONNREFUSED');
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.temporal.status).toBe('up');
    expect(body.checks.worker.status).toBe('up');
  });

  it('is 503 naming the worker when nothing polls the task queue', async () => {
    const app = await startApi(testConfig());
    apps.push(app);
    const { status, body } = await healthOf(app);
    expect(status).toBe(503);
    expect(body.checks.worker).toEqual(
      expect.objectContaining({ status: 'down', error: expect.stringContaining('no worker is polling') }),
    );
    expect(body.checks.temporal.status).toBe('up');
  });

  it('is 503 naming Temporal (and so the worker) when Temporal is unreachable', async () => {
    const app = await startApi(testConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` }));
    apps.push(app);
    const { status, body } = await healthOf(app);
    expect(status).toBe(503);
    expect(body.checks.temporal.status).toBe('down');
    expect(body.checks.temporal.error).toMatch(/UNAVAILABLE|DEADLINE_EXCEEDED|ECONNREFUSED/);
    expect(body.checks.worker.status).toBe('down');
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.redis.status).toBe('up');
  });

  it('runs the same migrations on embedded PGlite', async () => {
    const app = await startApi(testConfig({ DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://' }));
    apps.push(app);
    const { body } = await healthOf(app);
    expect(body.checks.database).toEqual(
      expect.objectContaining({ status: 'up', detail: expect.stringMatching(/^PGlite \(embedded\)/) }),
    );
    const tables = await app.get(DataSource).query(`SELECT to_regclass('public.workspaces') AS name`);
    expect(tables).toEqual([{ name: 'workspaces' }]);
  });
});
