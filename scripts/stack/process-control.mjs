// Detached service processes, their pid files (.data/run/<name>.pid holds the process group id) and stopping them.
import { spawn } from 'node:child_process';
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
import { setTimeout as sleep } from 'node:timers/promises';
import { LOG_DIR, RUN_DIR } from './config.mjs';

export const STOP_GRACE_MS = 10_000;

export const pidFile = (name) => path.join(RUN_DIR, `${name}.pid`);
export const logFile = (name) => path.join(LOG_DIR, `${name}.log`);

export function readPidFile(name) {
  try {
    const pgid = Number.parseInt(readFileSync(pidFile(name), 'utf8').trim(), 10);
    return Number.isInteger(pgid) && pgid > 1 ? pgid : null;
  } catch {
    return null;
  }
}

export function writePidFile(name, pgid) {
  mkdirSync(RUN_DIR, { recursive: true });
  writeFileSync(pidFile(name), `${pgid}\n`);
}

export function removePidFile(name) {
  rmSync(pidFile(name), { force: true });
}

/** True while any process of the group exists. */
export function isGroupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** False when the group leader is alive but runs something else (pid reused after a reboot). */
function leaderMatches(pgid, marker) {
  try {
    const cmdline = readFileSync(`/proc/${pgid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return cmdline.trim() === '' || cmdline.includes(marker);
  } catch {
    return true; // no /proc, or the leader is gone while other members of its group live on
  }
}

/** Process group id of the running service recorded in its pid file, or null (a stale pid file is removed). */
export function runningGroup(name, marker) {
  const pgid = readPidFile(name);
  if (pgid === null) {
    if (existsSync(pidFile(name))) removePidFile(name);
    return null;
  }
  if (isGroupAlive(pgid) && leaderMatches(pgid, marker)) return pgid;
  removePidFile(name);
  return null;
}

/**
 * Starts a command in its own process group with stdout and stderr appended to .data/logs/<name>.log and records
 * the group id in .data/run/<name>.pid. Returns { child, pgid, logOffset } (pgid undefined if spawn failed).
 */
export function spawnService(name, { cmd, args, cwd, env }) {
  const log = logFile(name);
  mkdirSync(path.dirname(log), { recursive: true });
  appendFileSync(
    log,
    `\n=== ${new Date().toISOString()} stack: starting ${name}: ${[cmd, ...args].join(' ')}\n`,
  );
  const logOffset = statSync(log).size;
  const fd = openSync(log, 'a');
  let child;
  try {
    child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  child.on('error', (error) => appendFileSync(log, `stack: could not start ${cmd}: ${error.message}\n`));
  if (child.pid) writePidFile(name, child.pid);
  return { child, pgid: child.pid, logOffset };
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** SIGTERM to the group, SIGKILL after graceMs. Resolves 'stopped', 'killed' or 'gone' (nothing was running). */
export async function stopGroup(pgid, graceMs = STOP_GRACE_MS) {
  if (!isGroupAlive(pgid) || !signalGroup(pgid, 'SIGTERM')) return 'gone';
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(100);
    if (!isGroupAlive(pgid)) return 'stopped';
  }
  signalGroup(pgid, 'SIGKILL');
  for (let i = 0; i < 30 && isGroupAlive(pgid); i++) await sleep(100);
  return 'killed';
}

/** Last `count` lines of a file, read from byte `fromOffset` on (the current run's output). */
export function tailFile(file, count = 20, fromOffset = 0) {
  let fd;
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
