import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

interface Hold {
  matches: (url: URL) => boolean;
  reached: () => void;
  released: Promise<void>;
}

interface Rewrite {
  matches: (url: URL) => boolean;
  body: (body: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * A pass-through in front of one provider surface of the sandbox, for tests that must force an interleaving: it
 * can hold Zalo's answer to a chosen call (already computed by the sandbox) until the test releases it, and can
 * answer a chosen call as Zalo would have at another moment (a list without a template created since).
 */
export class ZaloAnswerGate {
  private readonly holds: Hold[] = [];
  private readonly rewrites: Rewrite[] = [];

  private readonly server: Server;
  private readonly target: URL;
  /** The surface's base URL through the gate: give it to the account instead of the sandbox's. */
  baseUrl = '';

  private constructor(targetBaseUrl: string) {
    this.target = new URL(targetBaseUrl);
    this.server = createServer((incoming, outgoing) => {
      void this.forward(incoming).then(
        ({ status, headers, body }) => outgoing.writeHead(status, headers).end(body),
        (error: unknown) => outgoing.writeHead(502).end(String(error)),
      );
    });
  }

  /** Serves `targetBaseUrl` (a sandbox surface URL) through a loopback port. */
  static async start(targetBaseUrl: string): Promise<ZaloAnswerGate> {
    const gate = new ZaloAnswerGate(targetBaseUrl);
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
    const { port } = gate.server.address() as AddressInfo;
    gate.baseUrl = `http://127.0.0.1:${port}${gate.target.pathname.replace(/\/$/, '')}`;
    return gate;
  }

  /** Holds the answer to the next call that matches; `reached` resolves when the sandbox has answered it. */
  hold(matches: (url: URL) => boolean): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.holds.push({ matches, reached, released });
    return { reached: reachedPromise, release };
  }

  /** Changes the JSON answer of every call that matches until `stop` is called. */
  rewrite(
    matches: (url: URL) => boolean,
    body: (body: Record<string, unknown>) => Record<string, unknown>,
  ): () => void {
    const rule = { matches, body };
    this.rewrites.push(rule);
    return () => this.rewrites.splice(this.rewrites.indexOf(rule), 1);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(incoming: IncomingMessage) {
    const url = new URL(incoming.url ?? '/', this.target.origin);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(incoming.headers).filter(
        ([name]) => !['host', 'connection', 'content-length'].includes(name),
      ),
    ) as Record<string, string>;
    const answer = await request(url, {
      method: incoming.method as 'GET',
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    let body = Buffer.from(await answer.body.arrayBuffer());
    const rewrite = this.rewrites.find((rule) => rule.matches(url));
    if (rewrite)
      body = Buffer.from(
        JSON.stringify(rewrite.body(JSON.parse(body.toString()) as Record<string, unknown>)),
      );
    const hold = this.holds.find((rule) => rule.matches(url));
    if (hold) {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.reached();
      await hold.released;
    }
    return { status: answer.statusCode, headers: { 'content-type': 'application/json' }, body };
  }
}
