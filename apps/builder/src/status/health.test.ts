import { parseHealth } from './health';
import { bodyWithDown, healthyBody } from './testing/health-body';

describe('parseHealth', () => {
  it('accepts the reports the API sends', () => {
    expect(parseHealth(healthyBody())).toEqual({ ok: true, report: healthyBody() });
    expect(parseHealth(bodyWithDown('redis', 'worker'))).toMatchObject({
      ok: true,
      report: { status: 'down' },
    });
  });

  it('names each field at fault', () => {
    const body = healthyBody();
    body.checks['redis'] = { status: 'UP', latencyMs: 1 };
    delete body.checks['temporal'];

    const result = parseHealth(body);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^checks\.redis\.status: .*; checks\.temporal: /);
  });
});
