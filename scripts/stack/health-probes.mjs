// Small probes answering "is this service up?" and a poller that waits for one.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** GET a URL; resolves { status, body } or null when nothing answers in time. */
export function httpGet(url, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (body.length < 1_000_000) body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', () => resolve(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

export async function httpOk(url) {
  return (await httpGet(url))?.status === 200;
}

/** Parsed JSON of GET url (any status), or null. */
export async function httpJson(url) {
  const res = await httpGet(url);
  if (!res) return null;
  try {
    return JSON.parse(res.body);
  } catch {
    return null;
  }
}

/** Sends `payload` (if any) to host:port and resolves the first chunk received, '' on connect only, null on failure. */
function tcpExchange(host, port, payload, timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => finish(null));
    socket.on('error', () => finish(null));
    socket.on('connect', () => (payload ? socket.write(payload) : finish('')));
    socket.on('data', (data) => finish(data.toString('utf8')));
  });
}

export async function tcpOpen(host, port, timeoutMs = 1500) {
  return (await tcpExchange(host, port, null, timeoutMs)) !== null;
}

export async function redisPing(host, port, timeoutMs = 1500) {
  return ((await tcpExchange(host, port, 'PING\r\n', timeoutMs)) ?? '').startsWith('+PONG');
}

/** True when the command exits 0 within timeoutMs. */
export function commandSucceeds(cmd, args, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/**
 * Polls `probe` until it resolves true. Resolves 'healthy', 'timeout', 'exited' (when `hasExited()` turns true)
 * or 'aborted' (when `signal` aborts).
 */
export async function waitUntilHealthy(
  probe,
  { timeoutMs, intervalMs = 500, hasExited = () => false, signal },
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted) return 'aborted';
    if (hasExited()) return 'exited';
    if (await probe()) return 'healthy';
    if (hasExited()) return 'exited';
    if (Date.now() >= deadline) return 'timeout';
    await sleep(intervalMs);
  }
}
