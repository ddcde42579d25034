import { ServerResponse } from 'node:http';
import { SEEDED_SECRET_MARK } from './seeded-secret';

export interface SecretSighting {
  where: 'http response' | 'stdout' | 'stderr';
  /** The request the response answered, or the first characters of the output line. */
  context: string;
}

const sightings: SecretSighting[] = [];
/** Local ports of the provider sandbox: a provider handing out a token it minted is not the API leaking it. */
const providerPorts = new Set<number>();
/** Tests log at debug so that every line is watched; lines below warn are watched, then not shown. */
const QUIET_LOG_LINE = /^\{"level":"(log|debug|verbose)"/;
let installed = false;

function contains(chunk: unknown): boolean {
  if (typeof chunk === 'string') return chunk.includes(SEEDED_SECRET_MARK);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).includes(SEEDED_SECRET_MARK);
  return false;
}

/**
 * Watches everything the process writes as an HTTP response (headers and body, whichever client asked) and to
 * stdout and stderr (every log line), for any seeded secret. Installed for every API test file by
 * secret-watch.setup.ts, which fails the file when a secret was seen.
 */
export function installSecretWatch(): void {
  if (installed) return;
  installed = true;
  const response = ServerResponse.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['write', 'end', 'writeHead', 'setHeader'] as const) {
    const original = response[name] as (...args: unknown[]) => unknown;
    response[name] = function (this: ServerResponse & { req?: { method?: string; url?: string } }, ...args) {
      if (
        !providerPorts.has(this.socket?.localPort ?? -1) &&
        args.some(
          (arg) =>
            contains(arg) || (arg !== null && typeof arg === 'object' && contains(JSON.stringify(arg))),
        )
      )
        sightings.push({ where: 'http response', context: `${this.req?.method} ${this.req?.url}` });
      return original.apply(this, args);
    };
  }
  for (const where of ['stdout', 'stderr'] as const) {
    const stream = process[where];
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((...args: unknown[]) => {
      const quiet = QUIET_LOG_LINE.test(typeof args[0] === 'string' ? args[0] : '');
      if (quiet && !contains(args[0])) {
        const done = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        if (done) process.nextTick(done);
        return true;
      }
      if (contains(args[0]))
        sightings.push({ where, context: String(args[0]).slice(0, 80).split(SEEDED_SECRET_MARK)[0] ?? '' });
      return original(...args);
    }) as typeof stream.write;
  }
}

/** Responses of the server at `url` (the provider sandbox) are not watched, until the returned function is called. */
export function unwatchedProviderServer(url: string): () => void {
  const port = Number(new URL(url).port);
  providerPorts.add(port);
  return () => providerPorts.delete(port);
}

/** The sightings so far, emptied. */
export function takeSecretSightings(): SecretSighting[] {
  return sightings.splice(0, sightings.length);
}
