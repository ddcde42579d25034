// Everything a whole-product benchmark runs against, started for the run and torn down after it: the Temporal dev
// server, the provider sandbox in its own process, a PostgreSQL database of the run's own, the built API with its
// in-process worker, and clients for the database and Temporal.
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { freePort } from '../../tools/testing/free-port';
import {
  BENCH_REDIS_URL,
  createDatabase,
  dropDatabase,
  startProductApi,
  type ProductApi,
} from './product-api';
import { startSandboxProcess, type SandboxInfo } from './sandbox-client';
import { devServerForBenchmark, type DevServer } from './temporal-dev-server';

export interface ProductStack {
  /** `{time}_{pid}`: names the run's database, Redis prefix and task queue. */
  run: string;
  databaseName: string;
  server: DevServer;
  sandbox: { info: SandboxInfo; pid: number };
  api: ProductApi;
  db: Client;
  temporal: TemporalClient;
  /** Stops everything this started, in reverse order, and drops the database and Redis keys. */
  stop(): Promise<void>;
}

/** `name` tells the run's resources apart (`loa_bench_{name}_…`); the sandbox keeps up to `inboxLimit` messages. */
export async function startProductStack(options: {
  name: string;
  inboxLimit: number;
  /** Worker processes to run beside the API's own worker (default none). */
  extraWorkers?: number;
}): Promise<ProductStack> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const databaseName = `loa_bench_${options.name}_${run}`;
  const redisPrefix = `loa-bench-${options.name}-${run}`;
  const cleanup: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of cleanup) await step().catch((error: unknown) => console.error(error));
  };
  try {
    const server = await devServerForBenchmark();
    cleanup.unshift(() => server.stop());
    const port = await freePort();
    const sandbox = await startSandboxProcess({
      LOA_BENCH_SANDBOX_REDIRECT_URI: `http://127.0.0.1:${port}/channel-accounts/zalo/callback`,
      LOA_BENCH_SANDBOX_INBOX_LIMIT: String(options.inboxLimit),
    });
    cleanup.unshift(async () => {
      sandbox.child.kill('SIGTERM');
      await new Promise((resolve) => sandbox.child.once('exit', resolve));
    });
    const databaseUrl = await createDatabase(databaseName);
    cleanup.push(() => dropDatabase(databaseName));
    cleanup.push(() => deleteRedisKeys(redisPrefix));
    const api = await startProductApi({
      port,
      databaseUrl,
      redisPrefix,
      temporalAddress: server.address,
      taskQueue: `bench-${options.name}-${run}`,
      extraWorkers: options.extraWorkers ?? 0,
    });
    cleanup.unshift(() => api.stop());
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    cleanup.unshift(() => db.end());
    const connection = await Connection.connect({ address: server.address });
    cleanup.unshift(() => connection.close());
    return {
      run,
      databaseName,
      server,
      sandbox: { info: sandbox.info, pid: sandbox.child.pid ?? 0 },
      api,
      db,
      temporal: new TemporalClient({ connection }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}
