import { setTimeout as sleep } from 'node:timers/promises';

export const STOP_GRACE_MS = 10_000;

export type StopOutcome = 'stopped' | 'killed' | 'gone';

export interface StopOptions {
  /** Signal the whole process group `pid` leads (a child spawned with `detached: true`); default true. */
  group?: boolean;
  /** SIGKILL after this long; default 10 s. */
  graceMs?: number;
}

/** True while the process (or any process of the group) exists. */
export function isAlive(pid: number, group = true): boolean {
  try {
    process.kill(group ? -pid : pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, group: boolean, name: NodeJS.Signals): boolean {
  try {
    process.kill(group ? -pid : pid, name);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The one way the workspace stops a child process (tests, the local stack): SIGTERM to the process or its group,
 * SIGKILL after the grace period, and waits until nothing of it is left. Resolves 'gone' when nothing ran.
 */
export async function stopProcess(pid: number, options: StopOptions = {}): Promise<StopOutcome> {
  const { group = true, graceMs = STOP_GRACE_MS } = options;
  if (!isAlive(pid, group) || !signal(pid, group, 'SIGTERM')) return 'gone';
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(50);
    if (!isAlive(pid, group)) return 'stopped';
  }
  signal(pid, group, 'SIGKILL');
  for (let i = 0; i < 100 && isAlive(pid, group); i++) await sleep(50);
  return 'killed';
}
