// The built API (apps/api/dist, what `npm start` runs) with its Temporal worker in the same process, on a PostgreSQL
// database of its own, for bench/product-journeys.bench.ts; and a small HTTP client for it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '../../tools/testing/wait-for';

const ADMIN_URL = process.env.LOA_BENCH_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
export const BENCH_REDIS_URL = process.env.LOA_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function createDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        return;
      } catch (error) {
        // An autovacuum worker (a superuser's backend) in the database after a large run: FORCE may not end it.
        if ((error as { code?: string }).code !== '42501' || attempt >= 30) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  } finally {
    await admin.end();
  }
}

export interface ProductApi {
  child: ChildProcess;
  /** Worker processes of their own (`apps/api/dist/worker.main.js`) beside the API's in-process worker. */
  workers: ChildProcess[];
  url: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

/** Starts `node apps/api/dist/main.js` with the worker inside (LOA_API_RUNS_WORKER) and waits for GET /health. */
export async function startProductApi(input: {
  port: number;
  databaseUrl: string;
  redisPrefix: string;
  temporalAddress: string;
  taskQueue: string;
  /** How many worker processes to start beside the API (same database, Redis, task queue and keys). */
  extraWorkers?: number;
}): Promise<ProductApi> {
  const url = `http://127.0.0.1:${input.port}`;
  const admin = { email: 'bench-admin@example.test', password: randomBytes(18).toString('base64url') };
  // Extra Node flags for the API process only, e.g. `--cpu-prof --cpu-prof-dir=<dir>` to profile it.
  const flags = (process.env.LOA_BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOA_API_HOST: '127.0.0.1',
    LOA_API_PORT: String(input.port),
    LOA_PUBLIC_API_URL: url,
    DATABASE_URL: input.databaseUrl,
    REDIS_URL: BENCH_REDIS_URL,
    LOA_REDIS_PREFIX: input.redisPrefix,
    TEMPORAL_ADDRESS: input.temporalAddress,
    TEMPORAL_TASK_QUEUE: input.taskQueue,
    LOA_API_RUNS_WORKER: 'true',
    LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOA_BOOTSTRAP_ADMIN_EMAIL: admin.email,
    LOA_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    LOA_BOOTSTRAP_WORKSPACE_NAME: 'Bench',
    LOA_COOKIE_SECURE: 'false',
    LOA_INGEST_RATE_LIMIT: '1000000',
    LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
    LOA_LOG_LEVEL: process.env.LOA_BENCH_API_LOG_LEVEL ?? 'warn',
  };
  const dist = join(__dirname, '..', '..', 'apps', 'api', 'dist');
  const child = spawn('node', [...flags, join(dist, 'main.js')], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the API process exited (${String(code)}) before it was healthy`);
  });
  exited.catch(() => undefined);
  await Promise.race([
    exited,
    waitFor(
      `the API at ${url} (database, Redis, Temporal, worker)`,
      async () => {
        const response = await fetch(`${url}/health`);
        if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
      },
      180_000,
      1_000,
    ),
  ]);
  const workers = Array.from({ length: input.extraWorkers ?? 0 }, () =>
    spawn('node', [join(dist, 'worker.main.js')], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    }),
  );
  if (workers.length > 0)
    await waitFor(
      `${workers.length + 1} workers polling task queue ${input.taskQueue}`,
      async () => {
        const health = JSON.stringify(await (await fetch(`${url}/health`)).json());
        if (!health.includes(`${workers.length + 1} workers polling`)) throw new Error(health);
      },
      120_000,
      1_000,
    );
  const stopProcess = async (started: ChildProcess) => {
    if (started.exitCode !== null || started.signalCode !== null) return;
    started.kill('SIGTERM');
    await once(started, 'exit');
  };
  return {
    child,
    workers,
    url,
    admin,
    stop: async () => {
      await Promise.all([child, ...workers].map(stopProcess));
    },
  };
}

/** Calls the API as one party (a session's cookie and CSRF token, or an API key); non-2xx answers throw. */
export class ApiCaller {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<ApiCaller> {
    const response = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('loa_session='))
      ?.split(';')[0];
    if (!cookie) throw new Error('sign-in set no session cookie');
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new ApiCaller(baseUrl, { cookie, 'x-csrf-token': csrfToken });
  }

  static withKey(baseUrl: string, key: string): ApiCaller {
    return new ApiCaller(baseUrl, { authorization: `Bearer ${key}` });
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return (json && text ? JSON.parse(text) : text) as T;
  }
}
