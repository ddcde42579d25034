// The processes one `up` invocation started, and stopping exactly those on SIGINT / SIGTERM / SIGHUP.
import type { ChildProcess } from 'node:child_process';
import { stopProcess } from '../process/stop-process';
import { rel } from './config';
import {
  logFile,
  readPidFile,
  removePidFile,
  spawnService,
  tailFile,
  type ServiceCommand,
} from './process-control';
import { say, warn } from './report';
import type { Service } from './services';

export interface StartedProcess {
  service: Service;
  pgid: number | undefined;
  logOffset: number;
  exited: boolean;
  stoppedByDown?: boolean;
}

export interface Session {
  started: StartedProcess[];
  signal: AbortSignal;
  done: Promise<number>;
  buildChild: ChildProcess | null;
  stopStarted(): Promise<void>;
  isStopping(): boolean;
  start(service: Service, command: ServiceCommand): StartedProcess;
  holdForeground(): Promise<number>;
  abort(code: number): Promise<number>;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function createSession(): Session {
  const started: StartedProcess[] = [];
  const controller = new AbortController();
  let stopping: Promise<void> | null = null;
  let foreground = false;
  let keepAlive: NodeJS.Timeout | null = null;
  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  function finish(code: number): void {
    if (keepAlive) clearInterval(keepAlive);
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    resolveDone(code);
  }

  /** Stops what this session started, newest first, and removes their pid files. */
  async function stopStarted(): Promise<void> {
    for (const proc of [...started].reverse()) {
      if (!proc.exited && proc.pgid !== undefined) {
        say(`${proc.service.name}: stopping (pgid ${proc.pgid})`);
        const outcome = await stopProcess(proc.pgid);
        if (outcome === 'killed') warn(`${proc.service.name}: did not stop within 10 s, killed`);
      }
      if (readPidFile(proc.service.name) === proc.pgid) removePidFile(proc.service.name);
    }
  }

  function onSignal(signalName: NodeJS.Signals): void {
    if (stopping) {
      say(`${signalName}: still stopping, please wait`);
      return;
    }
    say(`${signalName} received: stopping what this command started`);
    controller.abort();
    session.buildChild?.kill('SIGTERM');
    stopping = stopStarted().then(() => finish(0));
  }
  for (const name of SIGNALS) process.on(name, onSignal);

  const session: Session = {
    started,
    signal: controller.signal,
    done,
    buildChild: null,
    stopStarted,
    isStopping: () => stopping !== null,

    /** Starts a service detached and tracks it; reports an unexpected exit once in the foreground. */
    start(service, command) {
      const { child, pgid, logOffset } = spawnService(service.name, command);
      const proc: StartedProcess = { service, pgid, logOffset, exited: !pgid };
      child.on('exit', (code, signal) => {
        proc.exited = true;
        // `stack down` removes the pid file before it signals the group
        proc.stoppedByDown = readPidFile(service.name) !== pgid;
        if (!proc.stoppedByDown) removePidFile(service.name);
        if (stopping || !foreground) return;
        if (proc.stoppedByDown) {
          say(`${service.name} was stopped by another command (stack down)`);
        } else {
          const how = signal ? `signal ${signal}` : `code ${code}`;
          warn(`${service.name} exited unexpectedly (${how}). Log: ${rel(logFile(service.name))}`);
          for (const line of tailFile(logFile(service.name), 10, logOffset)) console.error(`    ${line}`);
        }
        if (started.every((other) => other.exited)) {
          const crashed = started.some((other) => !other.stoppedByDown);
          say('every process this command started has exited');
          finish(crashed ? 1 : 0);
        }
      });
      started.push(proc);
      return proc;
    },

    /** Stays in the foreground until a signal (resolves 0) or until every started process died (resolves 1). */
    holdForeground() {
      foreground = true;
      keepAlive = setInterval(() => undefined, 1 << 30); // keeps the event loop alive
      return done;
    },

    /** Stops everything started so far and resolves `code` (or the signal's outcome if stopping already). */
    async abort(code) {
      if (stopping) return done;
      stopping = stopStarted();
      await stopping;
      finish(code);
      return done;
    },
  };
  return session;
}
