// Small probes answering "is this service up?".
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** GET a URL; resolves { status, body } or null when nothing answers in time. */
export function httpGet(url: string, timeoutMs = 3000): Promise<HttpAnswer | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 1_000_000) body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

export async function httpOk(url: string): Promise<boolean> {
  return (await httpGet(url))?.status === 200;
}

/** Parsed JSON of GET url (any status), or null. */
export async function httpJson(url: string): Promise<unknown> {
  const res = await httpGet(url);
  if (!res) return null;
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return null;
  }
}

/** Sends `payload` (if any) to host:port and resolves the first chunk received, '' on connect only, null on failure. */
function tcpExchange(
  host: string,
  port: number,
  payload: string | null,
  timeoutMs: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (value: string | null) => {
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

export async function tcpOpen(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return (await tcpExchange(host, port, null, timeoutMs)) !== null;
}

export async function redisPing(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return ((await tcpExchange(host, port, 'PING\r\n', timeoutMs)) ?? '').startsWith('+PONG');
}

/** True when the command exits 0 within timeoutMs. */
export function commandSucceeds(cmd: string, args: string[], timeoutMs = 10_000): Promise<boolean> {
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
