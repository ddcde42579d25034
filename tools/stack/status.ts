// `stack status`: each service's state, and the API's /health summary when it answers.
import { rel } from './config';
import { httpJson } from './health-probes';
import { logFile } from './process-control';
import { formatHealth, printEndpoints, say, type ServiceState } from './report';
import { apiUrl, SERVICES } from './services';
import { createContext, inspectService } from './state';

export function describeState(state: ServiceState, hostedBy?: string): string {
  switch (state.state) {
    case 'running':
      return `running (pgid ${state.pgid})`;
    case 'external':
      return 'external (not managed by this stack)';
    case 'hosted':
      return `running in the ${hostedBy} process`;
    default:
      return 'stopped';
  }
}

export async function status(): Promise<number> {
  const ctx = createContext();
  const states: Record<string, ServiceState> = {};
  for (const service of SERVICES) {
    const state = await inspectService(service, ctx);
    states[service.name] = state;
    const hostedBy = service.hostedBy?.(ctx);
    const log = logFile(state.state === 'hosted' && hostedBy ? hostedBy : service.name);
    console.log(`  ${service.name.padEnd(9)} ${describeState(state, hostedBy).padEnd(38)} log ${rel(log)}`);
  }
  const health = await httpJson(`${apiUrl(ctx.ports)}/health`);
  console.log('');
  say(
    health ? `API /health: ${formatHealth(health)}` : `API /health: no answer at ${apiUrl(ctx.ports)}/health`,
  );
  printEndpoints(ctx.ports, SERVICES, states);
  return 0;
}
