// Console output shared by the commands.
import { rel, type Ports } from './config';
import { logFile } from './process-control';

export const say = (message = ''): void => console.log(message ? `[stack] ${message}` : '');
export const warn = (message: string): void => console.error(`[stack] ${message}`);

export interface ServiceState {
  state: 'running' | 'external' | 'stopped' | 'hosted';
  pgid?: number;
}

interface Listed {
  name: string;
  endpoints(ports: Ports): [string, string][];
}

/** Table of the URLs of the given services. `states` maps service name to its state. */
export function printEndpoints(
  ports: Ports,
  services: Listed[],
  states: Record<string, ServiceState | undefined>,
): void {
  const rows: [string, string][] = [];
  const order = ['builder', 'api', 'temporal', 'redis', 'sandbox', 'worker'];
  for (const service of [...services].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))) {
    const note = states[service.name]?.state === 'external' ? '  (external, not managed by this stack)' : '';
    for (const [label, url] of service.endpoints(ports)) rows.push([label, `${url}${note}`]);
    if (service.name === 'worker') {
      rows.push([
        'Worker',
        states.worker?.state === 'hosted'
          ? `Temporal worker in the API process (log: ${rel(logFile('api'))})`
          : `Temporal worker (log: ${rel(logFile('worker'))})`,
      ]);
    }
  }
  const width = Math.max(4, ...rows.map(([label]) => label.length));
  console.log('');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log(`  ${'Logs'.padEnd(width)}  ${rel(logFile('<service>'))}`);
  console.log('');
}

interface HealthLike {
  status?: unknown;
  checks?: Record<string, { status?: unknown } | null | undefined>;
}

/** One line summary of the API's /health JSON. */
export function formatHealth(health: unknown): string {
  const report = (health ?? {}) as HealthLike;
  const checks = Object.entries(report.checks ?? {}).map(
    ([name, check]) => `${name} ${typeof check?.status === 'string' ? check.status : '?'}`,
  );
  const status = typeof report.status === 'string' ? report.status : 'unknown';
  return `${status}${checks.length ? ` (${checks.join(', ')})` : ''}`;
}
