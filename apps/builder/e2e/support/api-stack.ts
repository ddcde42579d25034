import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { healthReportSchema } from '@loa/api-contract';
import { freePort, testService } from '@loa/testing';
import { childEnv } from './child-env';
import { apiMain, workerMain, workspaceRoot } from './paths';
import { tryGet, waitFor, type ManagedProcess, type ProcessGroup } from './processes';

/** Locations of the services the shared Jest global setup (tools/testing/global-setup.ts) started. */
export interface TestServices {
  temporalAddress: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

export function readTestServices(): TestServices {
  return {
    temporalAddress: testService('temporalAddress'),
    databaseUrl: testService('databaseUrl'),
    redisUrl: testService('redisUrl'),
    redisPrefix: testService('redisPrefix'),
  };
}

/** Fails (never skips) when the API has not been built: the builder's test target depends on @loa/api:build. */
export function assertApiBuilt(): void {
  const missing = [apiMain, workerMain].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The browser test runs the real API but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing. ` +
        'Build it first: npx nx run @loa/api:build (npx nx run @loa/builder:test does so).',
    );
  }
}

export interface ApiStack {
  url: string;
  api: ManagedProcess;
  worker?: ManagedProcess;
  /** The environment the API (and worker) run with. */
  env: NodeJS.ProcessEnv;
}

export interface ApiStackOptions {
  /** Start the Temporal worker too and wait until /health reports it up. */
  withWorker: boolean;
  /** Replaces the Redis URL, e.g. to point at a port where nothing listens. */
  redisUrl?: string;
  /** Runs on an embedded PGlite database in this directory instead of the run's PostgreSQL database. */
  pgliteDir?: string;
  /** The port to listen on (a free one otherwise). */
  port?: number;
  /** More environment for the API and worker (e.g. LOA_PUBLIC_API_URL, the bootstrap admin). */
  env?: Record<string, string>;
}

/** Starts apps/api/dist/main.js (and the worker) on a free port with its own task queue. */
export async function startApiStack(
  processes: ProcessGroup,
  services: TestServices,
  options: ApiStackOptions,
): Promise<ApiStack> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    ...options.env,
    LOA_API_PORT: String(port),
    LOA_API_HOST: '127.0.0.1',
    DATABASE_URL: options.pgliteDir ? '' : services.databaseUrl,
    ...(options.pgliteDir && { LOA_PGLITE_DIR: options.pgliteDir }),
    REDIS_URL: options.redisUrl ?? services.redisUrl,
    LOA_REDIS_PREFIX: services.redisPrefix,
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: `loa-builder-e2e-${randomUUID()}`,
    LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });

  const api = processes.start('api', process.execPath, [apiMain], { cwd: workspaceRoot, env });
  await waitFor(
    `${url}/health/live to answer 200`,
    async (note) => {
      const answer = await tryGet(`${url}/health/live`, note);
      if (answer?.status === 200) return true;
      if (answer) note(`HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
      return undefined;
    },
    { watch: [api] },
  );
  if (!options.withWorker) return { url, api, env };

  // With the embedded database the API process runs the worker itself.
  const worker = options.pgliteDir
    ? undefined
    : processes.start('worker', process.execPath, [workerMain], { cwd: workspaceRoot, env });
  await waitFor(
    `${url}/health to report the worker up`,
    async (note) => {
      const answer = await tryGet(`${url}/health`, note);
      if (!answer) return undefined;
      note(`HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
      let body: unknown;
      try {
        body = JSON.parse(answer.text);
      } catch {
        return undefined;
      }
      const parsed = healthReportSchema.safeParse(body);
      return parsed.success && parsed.data.checks.worker.status === 'up' ? true : undefined;
    },
    { watch: worker ? [api, worker] : [api] },
  );
  return { url, api, worker, env };
}
