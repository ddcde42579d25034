// `stack status`: each service's state, and the API's /health summary when it answers.
import { rel } from './config.mjs';
import { httpJson } from './health-probes.mjs';
import { logFile } from './process-control.mjs';
import { formatHealth, printEndpoints, say } from './report.mjs';
import { SERVICES, apiUrl } from './services.mjs';
import { createContext, inspectService } from './state.mjs';

export async function status() {
  const ctx = createContext();
  const states = {};
  for (const service of SERVICES) {
    const state = await inspectService(service, ctx);
    states[service.name] = state;
    const text =
      state.state === 'running'
        ? `running (pgid ${state.pgid})`
        : state.state === 'external'
          ? 'external (not managed by this stack)'
          : 'stopped';
    console.log(`  ${service.name.padEnd(9)} ${text.padEnd(38)} log ${rel(logFile(service.name))}`);
  }
  const health = await httpJson(`${apiUrl(ctx.ports)}/health`);
  console.log('');
  say(
    health ? `API /health: ${formatHealth(health)}` : `API /health: no answer at ${apiUrl(ctx.ports)}/health`,
  );
  printEndpoints(ctx, SERVICES, states);
  return 0;
}
