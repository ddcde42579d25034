import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const key = randomBytes(32).toString('base64');

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, '/srv/loa');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing but an encryption key', () => {
    const config = loadConfig({ LOA_ENCRYPTION_KEY: key }, '/srv/loa');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/loa/.data/pglite' });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'loa' });
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'loa-main',
      tls: undefined,
      apiKey: undefined,
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.encryptionKey).toHaveLength(32);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ LOA_ENCRYPTION_KEY: key, DATABASE_URL: 'postgres://loa:pw@db:5432/loa' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://loa:pw@db:5432/loa',
      preparedStatements: true,
    });
  });

  it('treats an empty optional variable as unset', () => {
    const config = loadConfig(
      { LOA_ENCRYPTION_KEY: key, DATABASE_URL: '', TEMPORAL_API_KEY: '' },
      '/srv/loa',
    );
    expect(config.database.kind).toBe('pglite');
    expect(config.temporal.apiKey).toBeUndefined();
  });

  it('keeps an in-memory PGlite directory as given', () => {
    const config = loadConfig({ LOA_ENCRYPTION_KEY: key, LOA_PGLITE_DIR: 'memory://' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: 'memory://' });
  });

  it('turns the prepared statements of the send path off for a pooler that cannot keep them', () => {
    const env = { LOA_ENCRYPTION_KEY: key, DATABASE_URL: 'postgres://db/loa' };
    expect(loadConfig({ ...env, LOA_DATABASE_PREPARED_STATEMENTS: 'false' }).database).toMatchObject({
      preparedStatements: false,
    });
    expect(() => loadConfig({ ...env, LOA_DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(
      /LOA_DATABASE_PREPARED_STATEMENTS/,
    );
  });

  it('runs the worker in the API process with the embedded database only, unless told otherwise', () => {
    expect(loadConfig({ LOA_ENCRYPTION_KEY: key }).apiRunsWorker).toBe(true);
    expect(loadConfig({ LOA_ENCRYPTION_KEY: key, DATABASE_URL: 'postgres://db/loa' }).apiRunsWorker).toBe(
      false,
    );
    expect(loadConfig({ LOA_ENCRYPTION_KEY: key, LOA_API_RUNS_WORKER: 'false' }).apiRunsWorker).toBe(false);
    expect(
      loadConfig({ LOA_ENCRYPTION_KEY: key, DATABASE_URL: 'postgres://db/loa', LOA_API_RUNS_WORKER: 'true' })
        .apiRunsWorker,
    ).toBe(true);
  });

  it('turns TLS on for Temporal Cloud API keys', () => {
    const config = loadConfig({
      LOA_ENCRYPTION_KEY: key,
      TEMPORAL_API_KEY: 'tk',
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
    });
    expect(config.temporal.tls).toEqual({ clientCertPair: undefined });
    expect(config.temporal.apiKey).toBe('tk');
  });

  it('reads mTLS files for a self-hosted cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-tls-'));
    writeFileSync(join(dir, 'client.pem'), 'CERT');
    writeFileSync(join(dir, 'client.key'), 'KEY');
    const config = loadConfig(
      { LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_CERT_PATH: 'client.pem', TEMPORAL_TLS_KEY_PATH: 'client.key' },
      dir,
    );
    expect(config.temporal.tls?.clientCertPair?.crt.toString()).toBe('CERT');
    expect(config.temporal.tls?.clientCertPair?.key.toString()).toBe('KEY');
  });

  it("reads a private CA and the name the frontend's certificate carries, each turning TLS on", () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-tls-'));
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n');
    const withCa = loadConfig({ LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_CA_PATH: 'ca.pem' }, dir);
    expect(withCa.temporal.tls?.serverRootCACertificate?.toString()).toContain('\nCA\n');
    const withName = loadConfig({ LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' });
    expect(withName.temporal.tls?.serverNameOverride).toBe('temporal.internal');
    expect(loadConfig({ LOA_ENCRYPTION_KEY: key }).temporal.tls).toBeUndefined();
  });

  it('names a CA file that cannot be read or is not a PEM certificate, and a server name that is not a host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-tls-'));
    writeFileSync(join(dir, 'key.pem'), '-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----\n');
    expect(problemsOf({ LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_CA_PATH: join(dir, 'none.pem') })).toEqual([
      'Invalid configuration: TEMPORAL_TLS_CA_PATH cannot be read (ENOENT)',
    ]);
    expect(problemsOf({ LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_CA_PATH: join(dir, 'key.pem') })).toEqual([
      'Invalid configuration: TEMPORAL_TLS_CA_PATH must be a PEM certificate file',
    ]);
    expect(problemsOf({ LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_SERVER_NAME: 'temporal:7233' })).toEqual([
      'Invalid configuration: TEMPORAL_TLS_SERVER_NAME must be a host name, for example temporal.internal',
    ]);
  });

  it('names a missing encryption key', () => {
    expect(problemsOf({})).toEqual(['Invalid configuration: LOA_ENCRYPTION_KEY is required']);
  });

  it('names every offending variable, one line each', () => {
    const problems = problemsOf({
      LOA_ENCRYPTION_KEY: 'too-short',
      REDIS_URL: 'http://localhost:6379',
      LOA_API_PORT: '99999',
      TEMPORAL_ADDRESS: 'localhost',
      DATABASE_URL: 'mysql://db/loa',
      TEMPORAL_TLS: 'maybe',
    });
    expect(problems).toHaveLength(6);
    for (const variable of [
      'LOA_ENCRYPTION_KEY',
      'REDIS_URL',
      'LOA_API_PORT',
      'TEMPORAL_ADDRESS',
      'DATABASE_URL',
      'TEMPORAL_TLS',
    ]) {
      expect(problems.filter((line) => line.startsWith(`Invalid configuration: ${variable} `))).toHaveLength(
        1,
      );
    }
    expect(problems.join('\n')).toContain('REDIS_URL must be a redis:// or rediss:// URL');
  });

  it('refuses a bootstrap password longer than sign-in accepts (200 characters)', () => {
    expect(
      problemsOf({
        LOA_ENCRYPTION_KEY: key,
        LOA_BOOTSTRAP_ADMIN_EMAIL: 'boss@example.test',
        LOA_BOOTSTRAP_ADMIN_PASSWORD: 'x'.repeat(201),
      }),
    ).toEqual(['Invalid configuration: LOA_BOOTSTRAP_ADMIN_PASSWORD must be at most 200 characters']);
  });

  it('names the missing half of an mTLS pair', () => {
    expect(problemsOf({ LOA_ENCRYPTION_KEY: key, TEMPORAL_TLS_CERT_PATH: 'client.pem' })).toEqual([
      'Invalid configuration: TEMPORAL_TLS_KEY_PATH is required when the other mTLS file is set',
    ]);
  });

  it('names an unreadable mTLS file without printing its content', () => {
    const problems = problemsOf({
      LOA_ENCRYPTION_KEY: key,
      TEMPORAL_TLS_CERT_PATH: 'nope.pem',
      TEMPORAL_TLS_KEY_PATH: 'nope.key',
    });
    expect(problems).toEqual(['Invalid configuration: TEMPORAL_TLS_CERT_PATH cannot be read (ENOENT)']);
  });

  it('reads the private hosts HTTP steps may reach and the worker shutdown bounds, none and 30/60 s by default', () => {
    const defaults = loadConfig({ LOA_ENCRYPTION_KEY: key });
    expect(defaults.httpSteps).toEqual({ allowedHosts: [] });
    expect(defaults.workerShutdown).toEqual({ graceMs: 30_000, forceMs: 60_000 });
    const set = loadConfig({
      LOA_ENCRYPTION_KEY: key,
      LOA_HTTP_ALLOWED_HOSTS: ' CRM.internal, 10.20.0.0/16 ,fd00::/8',
      LOA_WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      LOA_WORKER_SHUTDOWN_FORCE_SECONDS: '20',
    });
    expect(set.httpSteps.allowedHosts).toEqual(['crm.internal', '10.20.0.0/16', 'fd00::/8']);
    expect(set.workerShutdown).toEqual({ graceMs: 5_000, forceMs: 20_000 });
  });

  it('runs workflow threads without promise stack traces unless LOA_WORKFLOW_STACK_TRACES is on', () => {
    expect(loadConfig({ LOA_ENCRYPTION_KEY: key }).workflowStackTraces).toBe(false);
    expect(
      loadConfig({ LOA_ENCRYPTION_KEY: key, LOA_WORKFLOW_STACK_TRACES: 'true' }).workflowStackTraces,
    ).toBe(true);
    expect(problemsOf({ LOA_ENCRYPTION_KEY: key, LOA_WORKFLOW_STACK_TRACES: 'sometimes' })).toEqual([
      expect.stringContaining('LOA_WORKFLOW_STACK_TRACES'),
    ]);
  });

  it('refuses a malformed allow-list entry and a force time not after the grace time', () => {
    expect(problemsOf({ LOA_ENCRYPTION_KEY: key, LOA_HTTP_ALLOWED_HOSTS: '10.0.0.0/33' })).toEqual([
      'Invalid configuration: LOA_HTTP_ALLOWED_HOSTS must list host names, IP addresses or CIDR ranges, comma-separated',
    ]);
    expect(
      problemsOf({
        LOA_ENCRYPTION_KEY: key,
        LOA_WORKER_SHUTDOWN_GRACE_SECONDS: '30',
        LOA_WORKER_SHUTDOWN_FORCE_SECONDS: '30',
      }),
    ).toEqual([
      'Invalid configuration: LOA_WORKER_SHUTDOWN_FORCE_SECONDS must be more than LOA_WORKER_SHUTDOWN_GRACE_SECONDS',
    ]);
  });
});
