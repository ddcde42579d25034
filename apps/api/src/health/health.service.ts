import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEPENDENCY_CHECKS,
  type DependencyCheck,
  type DependencyHealth,
  type HealthReport,
} from './health-report';
import { runCheck } from './run-check';

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(@Inject(DEPENDENCY_CHECKS) private readonly dependencyChecks: DependencyCheck[]) {}

  async report(): Promise<HealthReport> {
    const results = await Promise.all(this.dependencyChecks.map((check) => runCheck(check)));
    const checks = Object.fromEntries(
      this.dependencyChecks.map((check, index) => [check.name, results[index]]),
    ) as HealthReport['checks'];
    const down = Object.entries(checks).filter(([, health]) => health.status === 'down');
    for (const [dependency, health] of down) this.logDown(dependency, health);
    return { status: down.length === 0 ? 'up' : 'down', checkedAt: new Date().toISOString(), checks };
  }

  private logDown(dependency: string, health: DependencyHealth): void {
    this.logger.warn('dependency down', { dependency, error: health.error, latencyMs: health.latencyMs });
  }
}
