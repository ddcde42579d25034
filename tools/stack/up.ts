// `stack up`: build, start what is not running, wait for health, stay in the foreground.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitUntil, WaitError } from '../process/wait-until';
import { ensureDataDirs, HOST, rel, ROOT } from './config';
import { tcpOpen } from './health-probes';
import { logFile, tailFile } from './process-control';
import { printEndpoints, say, warn, type ServiceState } from './report';
import { KEY_FILE, loadEncryptionKey } from './secrets';
import { demoCredentials, runDemoSeed, signInLines } from './demo';
import {
  apiUrl,
  MissingPrerequisiteError,
  sandboxUrl,
  selectServices,
  type Service,
  type StackContext,
} from './services';
import { createSession, type Session, type StartedProcess } from './session';
import { createContext, inspectService } from './state';

const BUILD = ['nx', 'run-many', '-t', 'build', '-p', '@loa/api'];

function runBuild(session: Session, env: NodeJS.ProcessEnv): Promise<boolean> {
  say(`building: npx ${BUILD.join(' ')}`);
  return new Promise((resolve) => {
    const buildEnv: NodeJS.ProcessEnv = { ...env, NX_DAEMON: env.NX_DAEMON ?? 'false' };
    delete buildEnv.LOA_ENCRYPTION_KEY;
    const child = spawn('npx', BUILD, { cwd: ROOT, env: buildEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    session.buildChild = child;
    child.on('error', (error) => {
      warn(`could not run the build: ${error.message}`);
      resolve(false);
    });
    child.on('exit', (code) => {
      session.buildChild = null;
      resolve(code === 0);
    });
  });
}

async function busyPort(
  service: Service,
  ctx: StackContext,
): Promise<{ variable: string; port: number } | null> {
  for (const [variable, port] of service.ports(ctx.ports)) {
    if (await tcpOpen(HOST, port)) return { variable, port };
  }
  return null;
}

type WaitResult = 'healthy' | 'timeout' | 'exited' | 'aborted';

/** Waits (the workspace's one waitUntil) until the service's probe passes, or its process exits. */
async function waitHealthy(
  service: Service,
  ctx: StackContext,
  session: Session,
  proc: StartedProcess,
): Promise<WaitResult> {
  try {
    await waitUntil(
      service.name,
      async () => {
        if (!(await service.probe(ctx))) throw new Error('not healthy yet');
      },
      {
        timeoutMs: service.timeoutMs,
        intervalMs: 500,
        signal: session.signal,
        giveUp: () => (proc.exited ? 'exited' : undefined),
      },
    );
    return 'healthy';
  } catch (error) {
    if (!(error instanceof WaitError)) throw error;
    return error.kind === 'gave-up' ? 'exited' : error.kind === 'aborted' ? 'aborted' : 'timeout';
  }
}

function reportFailure(service: Service, proc: StartedProcess, result: WaitResult): void {
  const log = logFile(proc.service.name);
  const why =
    result === 'exited' ? 'exited during startup' : `was not healthy within ${service.timeoutMs / 1000} s`;
  warn(`${service.name} ${why}. Log: ${rel(log)}; last lines:`);
  const lines = tailFile(log, 20, proc.logOffset);
  for (const line of lines.length ? lines : ['(empty)']) console.error(`    ${line}`);
}

/** Resolves the process exit code. */
export async function up({ only, skipBuild }: { only?: string; skipBuild: boolean }): Promise<number> {
  const ctx = createContext();
  ensureDataDirs();
  const services = selectServices(only);
  const states: Record<string, ServiceState> = {};
  for (const service of services) states[service.name] = await inspectService(service, ctx);
  const toStart = services.filter((service) => states[service.name].state === 'stopped');

  if (toStart.length === 0) {
    for (const service of services) {
      const { state, pgid } = states[service.name];
      const text =
        state === 'external'
          ? 'external'
          : state === 'hosted'
            ? `running in the ${service.hostedBy?.(ctx)} process`
            : `already running (pgid ${pgid})`;
      say(`${service.name}: ${text}`);
    }
    say('Everything is already running; nothing to start.');
    printEndpoints(ctx.ports, services, states);
    return 0;
  }

  try {
    for (const service of toStart) service.prepare?.(ctx);
  } catch (error) {
    if (!(error instanceof MissingPrerequisiteError)) throw error;
    warn(error.message);
    warn(`Install it with: ${error.fix}`);
    return 1;
  }

  const session = createSession();
  const needsApiBuild = toStart.some((service) => service.entry && !service.hostedBy?.(ctx));
  if (needsApiBuild && !skipBuild) {
    const built = await runBuild(session, ctx.env);
    if (session.isStopping()) return session.done;
    if (!built) {
      warn('build failed (output above); nothing was started');
      return session.abort(1);
    }
  }
  for (const service of toStart) {
    if (service.entry && !service.hostedBy?.(ctx) && !existsSync(service.entry)) {
      warn(`${rel(service.entry)} not found: build it with npx ${BUILD.join(' ')}`);
      return session.abort(1);
    }
  }
  if (needsApiBuild) {
    const generated = !ctx.env.LOA_ENCRYPTION_KEY && !existsSync(KEY_FILE);
    ctx.encryptionKey = loadEncryptionKey(ctx.env);
    if (generated) say(`generated an encryption key in ${rel(KEY_FILE)} (mode 0600)`);
    ctx.demo = demoCredentials(ctx.env);
  }

  for (const service of services) {
    if (session.isStopping()) return session.done;
    const state = states[service.name];
    if (state.state === 'running') {
      say(`${service.name}: already running (pgid ${state.pgid})`);
      continue;
    }
    const host = service.hostedBy?.(ctx);
    if (host) {
      const hostProc = session.started.find((proc) => proc.service.name === host);
      if (!hostProc && states[host]?.state !== 'running') {
        warn(`${service.name}: runs in the ${host} process, which is not running; start ${host} too`);
        return session.abort(1);
      }
      const since = Date.now();
      const proc = hostProc ?? { service, pgid: states[host]?.pgid, logOffset: 0, exited: false };
      const result = await waitHealthy(service, ctx, session, proc);
      if (result === 'aborted' || session.isStopping()) return session.done;
      if (result !== 'healthy') {
        reportFailure(service, proc, result);
        return session.abort(1);
      }
      states[service.name] = { state: 'hosted' };
      say(
        `${service.name}: healthy in the ${host} process after ${((Date.now() - since) / 1000).toFixed(1)} s`,
      );
      continue;
    }
    if (state.state === 'external' || (service.reuseExternal && (await service.probe(ctx)))) {
      states[service.name] = { state: 'external' };
      say(`${service.name}: reusing the instance already answering (external: this stack will not stop it)`);
      continue;
    }
    const busy = await busyPort(service, ctx);
    if (busy) {
      warn(
        `${service.name}: port ${busy.port} is in use by a program this stack did not start. ` +
          `Stop it, or choose another port with ${busy.variable}=...`,
      );
      return session.abort(1);
    }
    const since = Date.now();
    const proc = session.start(service, service.command(ctx));
    say(`${service.name}: starting (pgid ${proc.pgid ?? '?'}, log ${rel(logFile(service.name))})`);
    const result = await waitHealthy(service, ctx, session, proc);
    if (result === 'aborted' || session.isStopping()) return session.done;
    if (result !== 'healthy') {
      reportFailure(service, proc, result);
      return session.abort(1);
    }
    states[service.name] = { state: 'running', pgid: proc.pgid };
    say(`${service.name}: healthy after ${((Date.now() - since) / 1000).toFixed(1)} s`);
  }

  printEndpoints(ctx.ports, services, states);
  if (ctx.demo && session.started.some((proc) => proc.service.name === 'api'))
    await seedDemoWorkspace(ctx, states['sandbox']?.state === 'running');
  const mine = session.started.map((proc) => proc.service.name).join(', ');
  say(`Ctrl-C stops what this command started (${mine}); \`npm run stack -- down\` stops every service.`);
  return session.holdForeground();
}

/** Seeds the demo workspace unless LOA_STACK_SEED=0 (its campaign through the sandbox when it runs), then says how to sign in. */
async function seedDemoWorkspace(ctx: StackContext, withSandbox: boolean): Promise<void> {
  if (!ctx.demo) return;
  if (ctx.env.LOA_STACK_SEED !== '0') {
    say('seeding the demo workspace (LOA_STACK_SEED=0 skips it)');
    const seeded = await runDemoSeed({
      env: ctx.env,
      apiUrl: apiUrl(ctx.ports),
      sandboxUrl: withSandbox ? sandboxUrl(ctx.ports) : undefined,
      credentials: ctx.demo,
    });
    for (const line of seeded.output.trim().split('\n').filter(Boolean)) say(line);
    if (!seeded.ok) warn('the demo seed failed (output above); the stack keeps running');
  }
  for (const line of signInLines(ctx.demo)) say(line);
}
