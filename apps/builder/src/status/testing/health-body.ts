// GET /health bodies as the API contract describes them, for tests.

type Body = Record<string, unknown> & { checks: Record<string, Record<string, unknown>> };

export function healthyBody(): Body {
  return {
    status: 'up',
    checkedAt: '2026-03-04T10:20:30.000Z',
    checks: {
      database: { status: 'up', latencyMs: 3, detail: 'PGlite (embedded)' },
      redis: { status: 'up', latencyMs: 1.4 },
      temporal: { status: 'up', latencyMs: 12, detail: 'namespace default' },
      worker: { status: 'up', latencyMs: 15, detail: '1 poller on task queue loa-main' },
    },
  };
}

/** The healthy body with the given dependencies down. */
export function bodyWithDown(...names: string[]): Body {
  const body = healthyBody();
  body['status'] = 'down';
  for (const name of names) {
    body.checks[name] = { status: 'down', latencyMs: 2001, error: `${name} did not answer` };
  }
  return body;
}
