import type { TLSConfig } from '@temporalio/client';

export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

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
  redis: { url: string; keyPrefix: string };
  temporal: TemporalConfig;
  encryptionKey: Buffer;
  /** Largest CSV file an import accepts, in bytes. */
  imports: { maxBytes: number };
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'json' | 'pretty' };
}

export const LOA_CONFIG = Symbol('LOA_CONFIG');
