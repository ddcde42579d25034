import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/**
 * Whether a process of the group `groupId` leads (a server started by `startServer`, or a wrapper and the server it
 * runs) listens on TCP `port` (Linux: their socket inodes against /proc/net/tcp{,6}); true where /proc cannot tell.
 * A server that could not bind its port may live on without it, while another answers there.
 */
export function groupListensOn(groupId: number, port: number): boolean {
  if (!existsSync('/proc/net/tcp')) return true;
  const listening = listeningInodes(port);
  return processesOfGroup(groupId).some((pid) => ownSocketInodes(pid).some((inode) => listening.has(inode)));
}

function processesOfGroup(groupId: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => groupOf(pid) === groupId);
}

/** The process group of `pid`, from /proc/<pid>/stat (its fifth field, counted after the command's parenthesis). */
function groupOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const localPort = fields[1]?.split(':')[1];
      if (localPort && parseInt(localPort, 16) === port && fields[3] === LISTEN && fields[9])
        inodes.add(fields[9]);
    }
  }
  return inodes;
}

function ownSocketInodes(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`)
      .map((fd) => readlinkOrEmpty(`/proc/${pid}/fd/${fd}`))
      .filter((target) => target.startsWith('socket:['))
      .map((target) => target.slice('socket:['.length, -1));
  } catch {
    return [];
  }
}

function readlinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
