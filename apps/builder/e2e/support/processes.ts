import { spawn, type ChildProcess } from 'node:child_process';
import { stopProcess, waitUntil, WaitError } from '@loa/testing';

const OUTPUT_LIMIT = 16_000;

export interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A child process whose output is kept (the tail) so that failures can show it. */
export class ManagedProcess {
  readonly exited: Promise<void>;
  private output = '';
  private exitDescription: string | undefined;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        this.exitDescription = `failed to start: ${error.message}`;
        resolve();
      });
      child.once('exit', (code, signal) => {
        this.exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
        resolve();
      });
    });
  }

  /** Undefined while it runs; otherwise how it ended. */
  get exit(): string | undefined {
    return this.exitDescription;
  }

  /** What it wrote to stdout and stderr (the last few kilobytes), for error messages. */
  describe(): string {
    const status = this.exitDescription ?? `running (pid ${this.child.pid})`;
    const output = this.output.trim() || '(no output)';
    return `--- ${this.name}: ${status}; output:\n${output}\n--- end of ${this.name}`;
  }

  /** SIGTERM to its process group, then SIGKILL if it has not exited after the grace period. */
  async stop(): Promise<void> {
    if (this.exitDescription !== undefined || this.child.pid === undefined) return;
    await stopProcess(this.child.pid);
    await this.exited;
  }
}

/** Every process a test starts, so that one call stops them all, whatever happened. */
export class ProcessGroup {
  private readonly processes: ManagedProcess[] = [];

  start(name: string, command: string, args: string[], options: StartOptions): ManagedProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const managed = new ManagedProcess(name, child);
    this.processes.push(managed);
    return managed;
  }

  async stopAll(): Promise<void> {
    const running = this.processes.splice(0);
    await Promise.all(running.reverse().map((managed) => managed.stop()));
  }
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Fail at once (with its output) if one of these exits while waiting. */
  watch?: ManagedProcess[];
}

/**
 * Calls probe until it returns a value (the shared waitUntil). probe may call note() to record what it saw last;
 * that and the output of the watched processes go into the error when time runs out or a watched process exits.
 */
export async function waitFor<T>(
  description: string,
  probe: (note: (observation: string) => void) => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 250, watch = [] }: WaitOptions = {},
): Promise<T> {
  let last = 'nothing yet';
  const note = (observation: string) => {
    last = observation;
  };
  try {
    return await waitUntil(
      description,
      async () => {
        const value = await probe(note);
        if (value === undefined) throw new Error(last);
        return value;
      },
      {
        timeoutMs,
        intervalMs,
        giveUp: () => {
          const dead = watch.find((managed) => managed.exit !== undefined);
          return dead && `${dead.name} ${dead.exit}\n${dead.describe()}`;
        },
      },
    );
  } catch (error) {
    if (error instanceof WaitError && error.kind === 'timeout') {
      throw new Error(`${error.message}\n${watch.map((managed) => managed.describe()).join('\n')}`);
    }
    throw error;
  }
}

export interface HttpAnswer {
  status: number;
  text: string;
}

/** GET that resolves to undefined, with a note, when nothing answers. */
export async function tryGet(
  url: string,
  note: (observation: string) => void,
): Promise<HttpAnswer | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    note(`GET ${url} failed (${errorText(error)})`);
    return undefined;
  }
}

// Errors from fetch may come from another realm than the test's, so instanceof Error is not reliable.
function errorText(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  const text = typeof message === 'string' ? message : String(error);
  return typeof cause?.message === 'string' ? `${text}: ${cause.message}` : text;
}
