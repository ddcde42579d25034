// What is running now: ours (pid file with a live process group), external (redis only) or stopped.
import { loadLocalEnv, readPorts } from './config.mjs';
import { runningGroup } from './process-control.mjs';

/** Shared context of a command: environment (with .env and provision's binary paths) and ports. */
export function createContext() {
  loadLocalEnv(process.env);
  return { env: process.env, ports: readPorts(process.env) };
}

export async function inspectService(service, ctx) {
  const pgid = runningGroup(service.name, service.marker);
  if (pgid) return { state: 'running', pgid };
  if (service.reuseExternal && (await service.probe(ctx))) return { state: 'external' };
  return { state: 'stopped' };
}
