import { readFileSync, writeFileSync } from 'node:fs';

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
};

/** Exit codes: 0 valid, 1 the campaign has errors, 2 the command could not run (usage, unreadable file, not JSON). */
export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure that ends the command with one line on stderr and exit code 2. */
export class CliUsageError extends Error {}
