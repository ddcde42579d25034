// What is running now: ours (pid file with a live process group), external (redis only), hosted or stopped.
import { loadLocalEnv, readPorts } from './config';
import { runningGroup } from './process-control';
import type { ServiceState } from './report';
import { SERVICES, type Service, type StackContext } from './services';

/** Shared context of a command: environment (with .env and provision's binary paths) and ports. */
export function createContext(): StackContext {
  loadLocalEnv(process.env);
  return { env: process.env, ports: readPorts(process.env) };
}

export async function inspectService(service: Service, ctx: StackContext): Promise<ServiceState> {
  const pgid = runningGroup(service.name, service.marker);
  if (pgid) return { state: 'running', pgid };
  const host = service.hostedBy?.(ctx);
  if (host) {
    const hostService = SERVICES.find((candidate) => candidate.name === host);
    return hostService && runningGroup(host, hostService.marker) !== null
      ? { state: 'hosted' }
      : { state: 'stopped' };
  }
  if (service.reuseExternal && (await service.probe(ctx))) return { state: 'external' };
  return { state: 'stopped' };
}
