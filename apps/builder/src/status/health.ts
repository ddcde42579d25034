// Shape of GET /health as served by the API (200 when every dependency is up, 503 otherwise): the shared contract.
import {
  describeIssues,
  HEALTH_DEPENDENCIES,
  healthReportSchema,
  type DependencyHealth,
  type DependencyStatus,
  type HealthReport,
} from '@loa/api-contract';

export type { HealthReport };
export type Status = DependencyStatus;
export type DependencyCheck = DependencyHealth;

/** The dependencies the API reports on, in the order the page lists them. */
export const KNOWN_DEPENDENCIES = HEALTH_DEPENDENCIES;

export type KnownDependency = (typeof KNOWN_DEPENDENCIES)[number];

export type ParseHealthResult = { ok: true; report: HealthReport } | { ok: false; reason: string };

/** Validates a decoded GET /health body against the contract; the reason names each field at fault. */
export function parseHealth(body: unknown): ParseHealthResult {
  const parsed = healthReportSchema.safeParse(body);
  return parsed.success
    ? { ok: true, report: parsed.data }
    : { ok: false, reason: describeIssues(parsed.error) };
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
