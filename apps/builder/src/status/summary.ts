import { displayName, orderedDependencies, type HealthReport } from './health';

/** Display names of the dependencies that are down, in display order. */
export function failingDependencies(report: HealthReport): string[] {
  return orderedDependencies(report)
    .filter((key) => report.checks[key]?.status === 'down')
    .map(displayName);
}

/** One line for the overall banner: "All systems operational" or "Degraded: Redis and Worker are down". */
export function summarize(report: HealthReport): string {
  const failing = failingDependencies(report);
  if (failing.length === 0) {
    return report.status === 'up' ? 'All systems operational' : 'Degraded: the API reports a problem';
  }
  return `Degraded: ${joinNames(failing)} ${failing.length === 1 ? 'is' : 'are'} down`;
}

function joinNames(names: string[]): string {
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
