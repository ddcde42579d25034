import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** The HTTP status to answer a call with; may wait (e.g. on a test's gate). */
export type ReceiverStatus = (call: ReceivedCall) => number | Promise<number>;

/**
 * A loopback HTTP server that records the webhooks and callbacks the sandbox sends. Each call is recorded when
 * it arrives, then answered with `status(call)` (200 by default).
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  private waiters: (() => void)[] = [];
  private server?: Server;
  url = '';

  constructor(private readonly status: ReceiverStatus = () => 200) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const call: ReceivedCall = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          rawBody: Buffer.concat(chunks).toString('utf8'),
        };
        this.calls.push(call);
        for (const wake of this.waiters.splice(0)) wake();
        void Promise.resolve(this.status(call)).then((status) => {
          if (!response.destroyed) response.writeHead(status).end('ok');
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once a call matching `predicate` has arrived (fails after 5 s). */
  async waitFor(predicate: (call: ReceivedCall) => boolean): Promise<ReceivedCall> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching webhook among ${this.calls.length} received`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
