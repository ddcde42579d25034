// Detached service processes and their pid files (.data/run/<name>.pid holds the process group id).
import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { isAlive } from '../process/stop-process';
import { LOG_DIR, RUN_DIR } from './config';

export const pidFile = (name: string): string => path.join(RUN_DIR, `${name}.pid`);
export const logFile = (name: string): string => path.join(LOG_DIR, `${name}.log`);

export interface ServiceCommand {
  cmd: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function readPidFile(name: string): number | null {
  try {
    const pgid = Number.parseInt(readFileSync(pidFile(name), 'utf8').trim(), 10);
    return Number.isInteger(pgid) && pgid > 1 ? pgid : null;
  } catch {
    return null;
  }
}

export function writePidFile(name: string, pgid: number): void {
  mkdirSync(RUN_DIR, { recursive: true });
  writeFileSync(pidFile(name), `${pgid}\n`);
}

export function removePidFile(name: string): void {
  rmSync(pidFile(name), { force: true });
}

/** False when the group leader is alive but runs something else (pid reused after a reboot). */
function leaderMatches(pgid: number, marker: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pgid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return cmdline.trim() === '' || cmdline.includes(marker);
  } catch {
    return true; // no /proc, or the leader is gone while other members of its group live on
  }
}

/** Process group id of the running service recorded in its pid file, or null (a stale pid file is removed). */
export function runningGroup(name: string, marker: string): number | null {
  const pgid = readPidFile(name);
  if (pgid === null) {
    if (existsSync(pidFile(name))) removePidFile(name);
    return null;
  }
  if (isAlive(pgid) && leaderMatches(pgid, marker)) return pgid;
  removePidFile(name);
  return null;
}

/**
 * Starts a command in its own process group with stdout and stderr appended to .data/logs/<name>.log and records
 * the group id in .data/run/<name>.pid. `pgid` is undefined if spawn failed.
 */
export function spawnService(
  name: string,
  { cmd, args, cwd, env }: ServiceCommand,
): { child: ChildProcess; pgid: number | undefined; logOffset: number } {
  const log = logFile(name);
  mkdirSync(path.dirname(log), { recursive: true });
  appendFileSync(
    log,
    `\n=== ${new Date().toISOString()} stack: starting ${name}: ${[cmd, ...args].join(' ')}\n`,
  );
  const logOffset = statSync(log).size;
  const fd = openSync(log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  child.on('error', (error) => appendFileSync(log, `stack: could not start ${cmd}: ${error.message}\n`));
  if (child.pid) writePidFile(name, child.pid);
  return { child, pgid: child.pid, logOffset };
}

/** Last `count` lines of a file, read from byte `fromOffset` on (the current run's output). */
export function tailFile(file: string, count = 20, fromOffset = 0): string[] {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const start = Math.max(fromOffset, size - 64 * 1024);
    const buffer = Buffer.alloc(Math.max(0, size - start));
    readSync(fd, buffer, 0, buffer.length, start);
    return buffer
      .toString('utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .slice(-count);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
