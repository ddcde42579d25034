export type DependencyName = 'database' | 'redis' | 'temporal' | 'worker';
export type DependencyStatus = 'up' | 'down';

export interface DependencyHealth {
  status: DependencyStatus;
  latencyMs: number;
  detail?: string;
  error?: string;
}

export interface HealthReport {
  status: DependencyStatus;
  checkedAt: string;
  checks: Record<DependencyName, DependencyHealth>;
}

/** A check resolves with a human detail when the dependency works and throws when it does not. */
export interface DependencyCheck {
  readonly name: DependencyName;
  run(): Promise<string>;
}

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');
