// Paths, ports and environment of the local stack.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '../process/workspace-root';
import { loadEnvFile } from './env-file';

export const ROOT = workspaceRoot;
export const DATA_DIR = path.join(ROOT, '.data');
export const RUN_DIR = path.join(DATA_DIR, 'run');
export const LOG_DIR = path.join(DATA_DIR, 'logs');
export const HOST = '127.0.0.1';

export interface Ports {
  temporal: number;
  temporalUi: number;
  redis: number;
  sandbox: number;
  sandboxSmtp: number;
  api: number;
  builder: number;
}

/** Path relative to the repository root, for messages. */
export function rel(file: string): string {
  return path.relative(ROOT, file) || '.';
}

/** `.env` at the repository root, then the binary paths written by scripts/provision.sh. Set variables win. */
export function loadLocalEnv(env: NodeJS.ProcessEnv = process.env): void {
  loadEnvFile(path.join(ROOT, '.env'), env);
  loadEnvFile(path.join(DATA_DIR, 'bin-paths.env'), env);
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return value;
}

export function readPorts(env: NodeJS.ProcessEnv = process.env): Ports {
  return {
    temporal: port(env, 'LOA_TEMPORAL_PORT', 7233),
    temporalUi: port(env, 'LOA_TEMPORAL_UI_PORT', 8233),
    redis: port(env, 'LOA_REDIS_PORT', 6379),
    sandbox: port(env, 'LOA_SANDBOX_PORT', 4010),
    sandboxSmtp: port(env, 'LOA_SANDBOX_SMTP_PORT', 2525),
    api: port(env, 'LOA_API_PORT', 3000),
    builder: port(env, 'LOA_BUILDER_PORT', 5173),
  };
}

/**
 * True when the API process runs the Temporal worker (apps/api LOA_API_RUNS_WORKER): by default with the embedded
 * database (no DATABASE_URL), which admits one process.
 */
export function apiRunsWorker(env: NodeJS.ProcessEnv): boolean {
  const setting = env.LOA_API_RUNS_WORKER?.trim() || 'auto';
  return setting === 'auto' ? !env.DATABASE_URL?.trim() : setting === 'true';
}

export function ensureDataDirs(): void {
  for (const dir of [RUN_DIR, LOG_DIR, path.join(DATA_DIR, 'temporal'), path.join(DATA_DIR, 'redis')]) {
    mkdirSync(dir, { recursive: true });
  }
}
