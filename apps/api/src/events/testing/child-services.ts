import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from '@loa/testing';

const apiRoot = resolve(__dirname, '../../..');
export const builtApiMain = join(apiRoot, 'dist/main.js');

/** A server run as a child process, which a test may kill -9 and start again on the same port. */
export class ChildServer {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  start(): void {
    this.output = '';
    const child = spawn(this.command, this.args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  /** What the process printed last, for a failure message. */
  get recentOutput(): string {
    return this.output;
  }

  /** The process id while it runs. */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: no shutdown hook runs, as when a machine loses power. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    await exited;
  }
}

/** A Redis of the test's own on `port`, without persistence: killing it loses every queued job. */
export function redisServer(port: number): ChildServer {
  return new ChildServer('redis', 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
}

/** The built API (apps/api/dist/main.js) on `port`. */
export function apiServer(input: {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}): ChildServer {
  if (!existsSync(builtApiMain)) {
    throw new Error(
      `This test runs the built API but ${builtApiMain} is missing. Build it first: npx nx build @loa/api ` +
        '(npx nx test @loa/api does so).',
    );
  }
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')),
  );
  return new ChildServer('api', process.execPath, [builtApiMain], {
    ...inherited,
    LOA_API_HOST: '127.0.0.1',
    LOA_API_PORT: String(input.port),
    DATABASE_URL: input.databaseUrl,
    REDIS_URL: input.redisUrl,
    LOA_REDIS_PREFIX: input.redisPrefix,
    // Temporal is not needed to ingest; health reports it down, which this test does not read.
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOA_LOG_LEVEL: 'warn',
  });
}

/** Waits until the server answers HTTP at `url`. */
export async function waitUntilListening(server: ChildServer, url: string): Promise<void> {
  await waitFor(
    `${server.name} answering ${url}`,
    async () => {
      if (!server.running) throw new Error(`${server.name} exited: ${server.recentOutput}`);
      // Any HTTP answer means the server is listening; what the route answers is not the point here.
      await fetch(url, { signal: AbortSignal.timeout(1000) });
    },
    60_000,
    100,
  );
}
