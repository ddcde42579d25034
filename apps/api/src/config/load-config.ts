import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { environmentSchema, type Environment } from './config.schema';
import type { LoaConfig, TemporalConfig } from './loa-config';

/** Thrown when the environment does not describe a usable configuration; the message is one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoaConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, env));
  return toConfig(parsed.data, cwd);
}

function describeIssues(error: z.ZodError, env: NodeJS.ProcessEnv): string[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'environment');
    const present = env[variable] !== undefined && env[variable] !== '';
    const message = present ? issue.message : 'is required';
    return `Invalid configuration: ${variable} ${message.replace(/^Invalid input: /, '')}`;
  });
}

function toConfig(env: Environment, cwd: string): LoaConfig {
  const dataDir = absolute(env.LOA_DATA_DIR, cwd);
  const database: LoaConfig['database'] = env.DATABASE_URL
    ? {
        kind: 'postgres',
        url: env.DATABASE_URL,
        preparedStatements: env.LOA_DATABASE_PREPARED_STATEMENTS === 'true',
      }
    : { kind: 'pglite', dataDir: pgliteDir(env.LOA_PGLITE_DIR, dataDir, cwd) };
  return {
    environment: env.NODE_ENV,
    http: { host: env.LOA_API_HOST, port: env.LOA_API_PORT },
    dataDir,
    database,
    apiRunsWorker:
      env.LOA_API_RUNS_WORKER === 'auto' ? database.kind === 'pglite' : env.LOA_API_RUNS_WORKER === 'true',
    redis: { url: env.REDIS_URL, keyPrefix: env.LOA_REDIS_PREFIX },
    temporal: temporalConfig(env, cwd),
    encryptionKey: Buffer.from(env.LOA_ENCRYPTION_KEY, 'base64'),
    previousEncryptionKeys: env.LOA_ENCRYPTION_PREVIOUS_KEYS.map((key) => Buffer.from(key, 'base64')),
    bootstrapAdmin: bootstrapAdmin(env),
    cookieSecure: env.LOA_COOKIE_SECURE ?? env.NODE_ENV === 'production',
    rateLimits: {
      loginPerMinute: env.LOA_LOGIN_RATE_LIMIT,
      ingestPerSecondPerKey: env.LOA_INGEST_RATE_LIMIT,
    },
    imports: { maxBytes: env.LOA_IMPORT_MAX_BYTES },
    zalo: {
      publicApiUrl: withoutTrailingSlash(
        env.LOA_PUBLIC_API_URL ?? `http://${env.LOA_API_HOST}:${env.LOA_API_PORT}`,
      ),
      builderUrl: env.LOA_BUILDER_URL && withoutTrailingSlash(env.LOA_BUILDER_URL),
      templateSyncIntervalMs: env.LOA_ZNS_TEMPLATE_SYNC_MINUTES * 60_000,
    },
    webhooks: { receiptRetentionDays: env.LOA_WEBHOOK_RECEIPT_RETENTION_DAYS },
    httpSteps: { allowedHosts: env.LOA_HTTP_ALLOWED_HOSTS },
    workerShutdown: workerShutdown(env),
    cohorts: { batchConcurrency: env.LOA_COHORT_BATCH_CONCURRENCY },
    workflowStackTraces: env.LOA_WORKFLOW_STACK_TRACES,
    log: { level: env.LOA_LOG_LEVEL, format: env.LOA_LOG_FORMAT },
  };
}

function workerShutdown(env: Environment): LoaConfig['workerShutdown'] {
  if (env.LOA_WORKER_SHUTDOWN_FORCE_SECONDS <= env.LOA_WORKER_SHUTDOWN_GRACE_SECONDS) {
    throw new ConfigError([
      'Invalid configuration: LOA_WORKER_SHUTDOWN_FORCE_SECONDS must be more than LOA_WORKER_SHUTDOWN_GRACE_SECONDS',
    ]);
  }
  return {
    graceMs: env.LOA_WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
    forceMs: env.LOA_WORKER_SHUTDOWN_FORCE_SECONDS * 1000,
  };
}

function bootstrapAdmin(env: Environment): LoaConfig['bootstrapAdmin'] {
  const email = env.LOA_BOOTSTRAP_ADMIN_EMAIL;
  const password = env.LOA_BOOTSTRAP_ADMIN_PASSWORD;
  if ((email === undefined) !== (password === undefined)) {
    throw new ConfigError([
      `Invalid configuration: ${email ? 'LOA_BOOTSTRAP_ADMIN_PASSWORD' : 'LOA_BOOTSTRAP_ADMIN_EMAIL'} is required when the other is set`,
    ]);
  }
  if (!email || !password) return undefined;
  return { email, password, workspaceName: env.LOA_BOOTSTRAP_WORKSPACE_NAME ?? 'My workspace' };
}

function pgliteDir(configured: string | undefined, dataDir: string, cwd: string): string {
  if (configured === undefined) return resolve(dataDir, 'pglite');
  return configured.startsWith('memory://') ? configured : absolute(configured, cwd);
}

function temporalConfig(env: Environment, cwd: string): TemporalConfig {
  const certPath = env.TEMPORAL_TLS_CERT_PATH;
  const keyPath = env.TEMPORAL_TLS_KEY_PATH;
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new ConfigError([
      `Invalid configuration: ${certPath ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH'} is required when the other mTLS file is set`,
    ]);
  }
  const clientCertPair =
    certPath && keyPath
      ? {
          crt: readSecretFile('TEMPORAL_TLS_CERT_PATH', absolute(certPath, cwd)),
          key: readSecretFile('TEMPORAL_TLS_KEY_PATH', absolute(keyPath, cwd)),
        }
      : undefined;
  const serverRootCACertificate = env.TEMPORAL_TLS_CA_PATH
    ? readCertificateFile('TEMPORAL_TLS_CA_PATH', absolute(env.TEMPORAL_TLS_CA_PATH, cwd))
    : undefined;
  const serverNameOverride = env.TEMPORAL_TLS_SERVER_NAME;
  const useTls =
    env.TEMPORAL_TLS ||
    clientCertPair !== undefined ||
    serverRootCACertificate !== undefined ||
    serverNameOverride !== undefined ||
    env.TEMPORAL_API_KEY !== undefined;
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    tls: useTls ? { clientCertPair, serverRootCACertificate, serverNameOverride } : undefined,
    apiKey: env.TEMPORAL_API_KEY,
  };
}

function readSecretFile(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError([
      `Invalid configuration: ${variable} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
}

function readCertificateFile(variable: string, path: string): Buffer {
  const content = readSecretFile(variable, path);
  if (!content.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError([`Invalid configuration: ${variable} must be a PEM certificate file`]);
  }
  return content;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
