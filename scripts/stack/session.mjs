// The processes one `up` invocation started, and stopping exactly those on SIGINT / SIGTERM / SIGHUP.
import { rel } from './config.mjs';
import {
  logFile,
  readPidFile,
  removePidFile,
  spawnService,
  stopGroup,
  tailFile,
} from './process-control.mjs';
import { say, warn } from './report.mjs';

export function createSession() {
  const started = []; // { service, pgid, logOffset, exited }
  const controller = new AbortController();
  let stopping = null;
  let foreground = false;
  let keepAlive = null;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const session = { started, signal: controller.signal, done, buildChild: null };

  function finish(code) {
    if (keepAlive) clearInterval(keepAlive);
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeListener(name, onSignal);
    resolveDone(code);
  }

  /** Stops what this session started, newest first, and removes their pid files. */
  session.stopStarted = async function stopStarted() {
    for (const proc of [...started].reverse()) {
      if (!proc.exited) {
        say(`${proc.service.name}: stopping (pgid ${proc.pgid})`);
        const outcome = await stopGroup(proc.pgid);
        if (outcome === 'killed') warn(`${proc.service.name}: did not stop within 10 s, killed`);
      }
      if (readPidFile(proc.service.name) === proc.pgid) removePidFile(proc.service.name);
    }
  };

  function onSignal(signalName) {
    if (stopping) {
      say(`${signalName}: still stopping, please wait`);
      return;
    }
    say(`${signalName} received: stopping what this command started`);
    controller.abort();
    session.buildChild?.kill('SIGTERM');
    stopping = session.stopStarted().then(() => finish(0));
  }
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(name, onSignal);

  session.isStopping = () => stopping !== null;

  /** Starts a service detached and tracks it; reports an unexpected exit once in the foreground. */
  session.start = function start(service, command) {
    const { child, pgid, logOffset } = spawnService(service.name, command);
    const proc = { service, pgid, logOffset, exited: !pgid };
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
  };

  /** Stays in the foreground until a signal (resolves 0) or until every started process died (resolves 1). */
  session.holdForeground = function holdForeground() {
    foreground = true;
    keepAlive = setInterval(() => undefined, 1 << 30); // keeps the event loop alive
    return done;
  };

  /** Stops everything started so far and resolves `code` (or the signal's outcome if stopping already). */
  session.abort = async function abort(code) {
    if (stopping) return done;
    stopping = session.stopStarted();
    await stopping;
    finish(code);
    return done;
  };

  return session;
}
