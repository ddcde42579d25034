import type { DependencyName } from '@loa/api-contract';

// The shape of GET /health is the contract shared with the builder (@loa/api-contract).
export type { DependencyHealth, DependencyName, DependencyStatus, HealthReport } from '@loa/api-contract';

/** A check resolves with a human detail when the dependency works and throws when it does not. */
export interface DependencyCheck {
  /** Beyond the contract's dependencies, the API may report more (the contract keeps unknown ones). */
  readonly name: DependencyName | 'channel_accounts';
  run(): Promise<string>;
}

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');
