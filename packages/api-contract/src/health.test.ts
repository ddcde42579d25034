import { describeIssues } from './describe-issues';
import { healthReportSchema } from './health';

const healthy = () => ({
  status: 'up',
  checkedAt: '2026-03-04T10:20:30.000Z',
  checks: {
    database: { status: 'up', latencyMs: 3, detail: 'PGlite (embedded) 17.5' },
    redis: { status: 'up', latencyMs: 1.4 },
    temporal: { status: 'up', latencyMs: 12, detail: 'namespace default' },
    worker: { status: 'up', latencyMs: 15 },
  },
});

function problemOf(body: unknown): string {
  const result = healthReportSchema.safeParse(body);
  if (result.success) throw new Error('expected the body to be rejected');
  return describeIssues(result.error);
}

describe('healthReportSchema', () => {
  it('accepts the report the API sends, keeps unknown dependencies and drops unknown fields', () => {
    const body = healthy() as ReturnType<typeof healthy> & { checks: Record<string, unknown> };
    body.checks['mailer'] = { status: 'down', latencyMs: 3000, error: 'timeout', extra: true };

    expect(healthReportSchema.parse(body).checks).toEqual({
      ...healthy().checks,
      mailer: { status: 'down', latencyMs: 3000, error: 'timeout' },
    });
  });

  it('names the field at fault', () => {
    expect(problemOf(null)).toMatch(/^the body: /);
    expect(problemOf({ ...healthy(), status: 'ok' })).toMatch(/^status: /);
    expect(problemOf({ ...healthy(), checkedAt: 'yesterday' })).toMatch(/^checkedAt: /);
    const { worker: _worker, ...withoutWorker } = healthy().checks;
    expect(problemOf({ ...healthy(), checks: withoutWorker })).toMatch(/^checks\.worker: /);
    const negative = {
      ...healthy(),
      checks: { ...healthy().checks, redis: { status: 'up', latencyMs: -1 } },
    };
    expect(problemOf(negative)).toMatch(/^checks\.redis\.latencyMs: /);
  });
});
