import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used, from /proc (Linux); 0 when it cannot be read. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds a process and its children that have exited (and been waited for) have used: the sum over a server's
 * processes stays right when one of them exits between two samples (a PostgreSQL backend whose connection closed).
 */
function cpuSecondsWithExitedChildren(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every live process of a process group (e.g. a server started detached). */
export function cpuSecondsOfGroup(groupId: number): number {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .reduce((total, entry) => {
        try {
          const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return Number(fields[2]) === groupId
            ? total + (Number(fields[11]) + Number(fields[12])) / 100
            : total;
        } catch {
          return total;
        }
      }, 0);
  } catch {
    return 0;
  }
}

/** Every process whose command name is `name` (e.g. each PostgreSQL backend). */
function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

export type CpuSample = Record<'bench' | 'sandbox' | 'postgres' | 'redis', number>;

/** CPU used so far by this process, the sandbox process and every PostgreSQL and Redis process of the machine. */
export function cpuSample(sandboxPid: number): CpuSample {
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + cpuSecondsWithExitedChildren(pid), 0);
  return {
    bench: cpuSecondsOf(process.pid),
    sandbox: cpuSecondsOf(sandboxPid),
    postgres: sum(pidsNamed('postgres')),
    redis: sum(pidsNamed('redis-server')),
  };
}

/** Microseconds of CPU per message each part used between two samples. */
export function cpuPerMessage(before: CpuSample, after: CpuSample, messages: number): CpuSample {
  const per = (key: keyof CpuSample) =>
    Math.round(((after[key] - before[key]) * 1e6) / Math.max(messages, 1));
  return { bench: per('bench'), sandbox: per('sandbox'), postgres: per('postgres'), redis: per('redis') };
}
