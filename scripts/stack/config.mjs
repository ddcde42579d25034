// Paths, ports and environment of the local stack.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFile } from './env-file.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');
export const RUN_DIR = path.join(DATA_DIR, 'run');
export const LOG_DIR = path.join(DATA_DIR, 'logs');
export const HOST = '127.0.0.1';

/** Path relative to the repository root, for messages. */
export function rel(file) {
  return path.relative(ROOT, file) || '.';
}

/** `.env` at the repository root, then the binary paths written by scripts/provision.sh. Set variables win. */
export function loadLocalEnv(env = process.env) {
  loadEnvFile(path.join(ROOT, '.env'), env);
  loadEnvFile(path.join(DATA_DIR, 'bin-paths.env'), env);
}

function port(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return value;
}

export function readPorts(env = process.env) {
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

export function ensureDataDirs() {
  for (const dir of [RUN_DIR, LOG_DIR, path.join(DATA_DIR, 'temporal'), path.join(DATA_DIR, 'redis')]) {
    mkdirSync(dir, { recursive: true });
  }
}
