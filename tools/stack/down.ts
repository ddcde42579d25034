// `stack down`: stops every service that has a live pid file, newest first. External services are left alone.
import { stopProcess } from '../process/stop-process';
import { removePidFile, runningGroup } from './process-control';
import { say, warn } from './report';
import { SERVICES } from './services';
import { createContext } from './state';

export async function down(): Promise<number> {
  const ctx = createContext();
  let stopped = 0;
  for (const service of [...SERVICES].reverse()) {
    // null when there is no pid file, or its process is gone or is no longer ours (stale files are removed)
    const pgid = runningGroup(service.name, service.marker);
    if (pgid === null) {
      if (service.reuseExternal && (await service.probe(ctx))) say(`${service.name}: external, left running`);
      continue;
    }
    say(`${service.name}: stopping (pgid ${pgid})`);
    // removed first, so an `up` holding this process in the foreground knows the exit was requested
    removePidFile(service.name);
    const outcome = await stopProcess(pgid);
    if (outcome === 'killed') warn(`${service.name}: did not stop within 10 s, killed`);
    stopped++;
  }
  say(stopped ? `stopped ${stopped} service(s)` : 'nothing was running');
  return 0;
}
