// Console output shared by the commands.
import { rel } from './config.mjs';
import { logFile } from './process-control.mjs';

export const say = (message = '') => console.log(message ? `[stack] ${message}` : '');
export const warn = (message) => console.error(`[stack] ${message}`);

/** Table of the URLs of the given services. `states` maps service name to { state, pgid }. */
export function printEndpoints(ctx, services, states) {
  const rows = [];
  const order = ['builder', 'api', 'temporal', 'redis', 'sandbox', 'worker'];
  for (const service of [...services].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))) {
    const note = states[service.name]?.state === 'external' ? '  (external, not managed by this stack)' : '';
    for (const [label, url] of service.endpoints(ctx.ports)) rows.push([label, `${url}${note}`]);
    if (service.name === 'worker')
      rows.push(['Worker', 'Temporal worker (log: ' + rel(logFile('worker')) + ')']);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log(`  ${'Logs'.padEnd(width)}  ${rel(logFile('<service>'))}`);
  console.log('');
}

/** One line summary of the API's /health JSON. */
export function formatHealth(health) {
  const checks = Object.entries(health?.checks ?? {}).map(
    ([name, check]) => `${name} ${check?.status ?? '?'}`,
  );
  return `${health?.status ?? 'unknown'}${checks.length ? ` (${checks.join(', ')})` : ''}`;
}
