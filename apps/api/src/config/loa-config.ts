import type { TLSConfig } from '@temporalio/client';

export type DatabaseConfig =
  /** `preparedStatements`: the send path's hot statements are named prepared statements (off behind a pooler in
   * transaction mode, such as PgBouncer's, which cannot keep them). */
  { kind: 'postgres'; url: string; preparedStatements?: boolean } | { kind: 'pglite'; dataDir: string };

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  tls: TLSConfig | undefined;
  apiKey: string | undefined;
}

/** The validated configuration of the API and the worker. */
export interface LoaConfig {
  environment: 'development' | 'production' | 'test';
  http: { host: string; port: number };
  dataDir: string;
  database: DatabaseConfig;
  /** The API process also runs the Temporal worker (by default with the embedded database, which admits one process). */
  apiRunsWorker: boolean;
  redis: { url: string; keyPrefix: string };
  temporal: TemporalConfig;
  /** Seals secrets at rest (AES-256-GCM); the previous keys only open secrets not yet re-encrypted. */
  encryptionKey: Buffer;
  previousEncryptionKeys: Buffer[];
  /** Creates this admin on first start when no user has the e-mail (issue 8 §1). */
  bootstrapAdmin: { email: string; password: string; workspaceName: string } | undefined;
  /** Session cookies carry `Secure` (always in production unless set otherwise). */
  cookieSecure: boolean;
  /** Sign-in attempts per minute per client address and e-mail; ingestion requests per second per API key. */
  rateLimits: { loginPerMinute: number; ingestPerSecondPerKey: number };
  /** Largest CSV file an import accepts, in bytes. */
  imports: { maxBytes: number };
  /**
   * Zalo OA connection: the API's public URL (redirect URI = publicApiUrl + /channel-accounts/zalo/callback), the
   * builder URL the callback returns the admin to (a small page is answered when unset), and how often every
   * connected OA's ZNS templates are synced (ms; 0 = never on a schedule).
   */
  zalo: { publicApiUrl: string; builderUrl: string | undefined; templateSyncIntervalMs: number };
  /** Days applied and ignored webhook receipts are kept after they were processed. */
  webhooks: { receiptRetentionDays: number };
  /** Journeys' HTTP steps: private hosts and ranges they may reach (host names, IPs, CIDRs; none by default). */
  httpSteps: { allowedHosts: string[] };
  /**
   * Worker shutdown: running activities get `graceMs` to finish, then are cancelled; `forceMs` after shutdown began
   * the worker stops whatever still runs, so a stuck activity cannot hold the process.
   */
  workerShutdown: { graceMs: number; forceMs: number };
  /** Cohort execution: how many items of one batch activity a worker runs at once. */
  cohorts: { batchConcurrency: number };
  /** Whether workflow threads record promise stack traces for the `__stack_trace` query (worker/workflow-threads.ts). */
  workflowStackTraces: boolean;
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'json' | 'pretty' };
}

export const LOA_CONFIG = Symbol('LOA_CONFIG');
