import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Linux's default range for the ports the kernel hands out to `listen(0)` and outgoing connections. */
const DEFAULT_EPHEMERAL = { low: 32768, high: 60999 };
const LOWEST = 10000;

function ephemeralRange(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low && high) return { low, high };
  } catch {
    // not Linux
  }
  return DEFAULT_EPHEMERAL;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port for a server a test starts later. Chosen below the kernel's ephemeral range, so that a
 * server or a connection that takes "any port" in the meantime (a sandbox, a database client) cannot be given it;
 * a port the kernel handed out (`listen(0)`) would be free again the moment it was checked, and could be.
 */
export async function freePort(): Promise<number> {
  const { low } = ephemeralRange();
  const high = Math.min(low - 1, 65535);
  if (high - LOWEST < 1000) return kernelPort();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (high - LOWEST + 1));
    if (await canListen(port)) return port;
  }
  return kernelPort();
}

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
