import { parseHealth } from './health';
import { failingDependencies, summarize } from './summary';
import type { HealthReport } from './health';
import { bodyWithDown, healthyBody } from './testing/health-body';

function report(body: unknown): HealthReport {
  const result = parseHealth(body);
  if (!result.ok) throw new Error(result.reason);
  return result.report;
}

describe('summarize', () => {
  it('says all systems are operational when every dependency is up', () => {
    expect(summarize(report(healthyBody()))).toBe('All systems operational');
  });

  it('names the one failing dependency', () => {
    expect(summarize(report(bodyWithDown('redis')))).toBe('Degraded: Redis is down');
  });

  it('names two failing dependencies in display order', () => {
    expect(summarize(report(bodyWithDown('worker', 'redis')))).toBe('Degraded: Redis and Worker are down');
  });

  it('lists three or more failing dependencies', () => {
    expect(summarize(report(bodyWithDown('worker', 'database', 'temporal')))).toBe(
      'Degraded: Database, Temporal and Worker are down',
    );
  });

  it('names dependencies it does not know by their key', () => {
    const body = bodyWithDown('redis');
    body.checks['mailer'] = { status: 'down', latencyMs: 1 };

    expect(summarize(report(body))).toBe('Degraded: Redis and Mailer are down');
  });

  it('still reports a problem when the API says down without a failing check', () => {
    expect(summarize(report({ ...healthyBody(), status: 'down' }))).toBe(
      'Degraded: the API reports a problem',
    );
  });
});

describe('failingDependencies', () => {
  it('is empty when everything is up', () => {
    expect(failingDependencies(report(healthyBody()))).toEqual([]);
  });

  it('lists the display names of the dependencies that are down', () => {
    expect(failingDependencies(report(bodyWithDown('temporal', 'database')))).toEqual([
      'Database',
      'Temporal',
    ]);
  });
});
