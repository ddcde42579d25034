// Shape of GET /health as served by the API (200 when every dependency is up, 503 otherwise).

export type Status = 'up' | 'down';

/** The dependencies the API reports on, in the order the page lists them. */
export const KNOWN_DEPENDENCIES = ['database', 'redis', 'temporal', 'worker'] as const;

export type KnownDependency = (typeof KNOWN_DEPENDENCIES)[number];

export interface DependencyCheck {
  status: Status;
  latencyMs: number;
  /** Human note, e.g. "PGlite (embedded)". */
  detail?: string;
  /** Why the dependency is down. */
  error?: string;
}

export interface HealthReport {
  status: Status;
  checkedAt: string;
  /** Always holds the known dependencies; a newer API may report more. */
  checks: Record<string, DependencyCheck>;
}

const DISPLAY_NAMES: Record<KnownDependency, string> = {
  database: 'Database',
  redis: 'Redis',
  temporal: 'Temporal',
  worker: 'Worker',
};

export function displayName(key: string): string {
  if ((KNOWN_DEPENDENCIES as readonly string[]).includes(key)) return DISPLAY_NAMES[key as KnownDependency];
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Dependency keys in display order: the known ones first, then any others alphabetically. */
export function orderedDependencies(report: HealthReport): string[] {
  const known: string[] = KNOWN_DEPENDENCIES.filter((key) => key in report.checks);
  const others = Object.keys(report.checks)
    .filter((key) => !known.includes(key))
    .sort();
  return [...known, ...others];
}
