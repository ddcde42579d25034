import { parseHealth } from './parse-health';
import { bodyWithDown, healthyBody } from './testing/health-body';

function reasonFor(body: unknown): string {
  const result = parseHealth(body);
  if (result.ok) throw new Error('expected the body to be rejected');
  return result.reason;
}

describe('parseHealth', () => {
  it('accepts a healthy report as the API sends it', () => {
    const result = parseHealth(healthyBody());

    expect(result).toEqual({ ok: true, report: healthyBody() });
  });

  it('accepts a degraded report with error texts', () => {
    const result = parseHealth(bodyWithDown('redis', 'worker'));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.status).toBe('down');
    expect(result.report.checks['redis']).toEqual({
      status: 'down',
      latencyMs: 2001,
      error: 'redis did not answer',
    });
  });

  it('keeps dependencies it does not know yet', () => {
    const body = healthyBody();
    body.checks['mailer'] = { status: 'up', latencyMs: 4 };

    const result = parseHealth(body);

    expect(result.ok && result.report.checks['mailer']).toEqual({ status: 'up', latencyMs: 4 });
  });

  it('drops fields outside the contract', () => {
    const body = healthyBody();
    body.checks['redis'] = { status: 'up', latencyMs: 1, extra: true };

    const result = parseHealth(body);

    expect(result.ok && result.report.checks['redis']).toEqual({ status: 'up', latencyMs: 1 });
  });

  it.each([
    ['null', null, 'the body should be a JSON object, got null'],
    ['an array', [], 'the body should be a JSON object, got an array'],
    ['an HTML page', '<!doctype html>', 'the body should be a JSON object, got "<!doctype html>"'],
  ])('rejects %s as the body', (_label, body, reason) => {
    expect(reasonFor(body)).toBe(reason);
  });

  it('rejects an unknown overall status', () => {
    expect(reasonFor({ ...healthyBody(), status: 'ok' })).toBe('status should be "up" or "down", got "ok"');
  });

  it('rejects a checkedAt that is not a date', () => {
    expect(reasonFor({ ...healthyBody(), checkedAt: 'yesterday' })).toBe(
      'checkedAt should be an ISO date-time, got "yesterday"',
    );
    expect(reasonFor({ ...healthyBody(), checkedAt: 1700000000 })).toBe(
      'checkedAt should be an ISO date-time, got number 1700000000',
    );
  });

  it('rejects a body without checks', () => {
    const { checks: _checks, ...body } = healthyBody();

    expect(reasonFor(body)).toBe('checks should be an object, got nothing');
  });

  it('names a missing dependency', () => {
    const body = healthyBody();
    delete body.checks['temporal'];

    expect(reasonFor(body)).toBe('checks.temporal is missing');
  });

  it('names the field of a malformed dependency check', () => {
    const body = healthyBody();
    body.checks['redis'] = { status: 'UP', latencyMs: 1 };
    expect(reasonFor(body)).toBe('checks.redis.status should be "up" or "down", got "UP"');

    body.checks['redis'] = { status: 'up', latencyMs: '1' };
    expect(reasonFor(body)).toBe('checks.redis.latencyMs should be a non-negative number, got "1"');

    body.checks['redis'] = { status: 'up', latencyMs: -1 };
    expect(reasonFor(body)).toBe('checks.redis.latencyMs should be a non-negative number, got number -1');

    body.checks['redis'] = { status: 'down', latencyMs: 1, error: { code: 'ECONNREFUSED' } };
    expect(reasonFor(body)).toBe('checks.redis.error should be a string, got an object');

    body.checks['redis'] = { status: 'up', latencyMs: 1, detail: 42 };
    expect(reasonFor(body)).toBe('checks.redis.detail should be a string, got number 42');
  });

  it('rejects a dependency check that is not an object', () => {
    const body = healthyBody() as Record<string, unknown>;
    body['checks'] = { ...healthyBody().checks, worker: 'up' };

    expect(reasonFor(body)).toBe('checks.worker should be an object, got "up"');
  });
});
