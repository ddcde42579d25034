import { fetchHealth, interpretResponse } from './fetch-health';
import { bodyWithDown, healthyBody } from './testing/health-body';

const at = new Date('2026-03-04T10:20:31.000Z');
const now = () => at;

function respondWith(body: string, status: number, statusText = ''): typeof fetch {
  return async () => new Response(body, { status, statusText });
}

describe('fetchHealth', () => {
  it('asks /api/health for JSON', async () => {
    const fetchImpl = jest.fn(respondWith(JSON.stringify(healthyBody()), 200));

    await fetchHealth({ fetchImpl, now });

    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/health',
      expect.objectContaining({ headers: { accept: 'application/json' } }),
    );
  });

  it('returns the report of a 200 answer', async () => {
    const result = await fetchHealth({ fetchImpl: respondWith(JSON.stringify(healthyBody()), 200), now });

    expect(result).toEqual({ kind: 'report', report: healthyBody(), receivedAt: at });
  });

  it('returns the report of a 503 answer: some dependency is down', async () => {
    const body = bodyWithDown('redis');
    const result = await fetchHealth({ fetchImpl: respondWith(JSON.stringify(body), 503), now });

    expect(result.kind).toBe('report');
    expect(result.kind === 'report' && result.report.checks['redis']?.status).toBe('down');
  });

  it('reports a network failure as unreachable', async () => {
    const fetchImpl: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };

    expect(await fetchHealth({ fetchImpl, now })).toEqual({
      kind: 'unreachable',
      reason: 'network error (Failed to fetch)',
      receivedAt: at,
    });
  });

  it('gives up after the timeout', async () => {
    const fetchImpl: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );

    const result = await fetchHealth({ fetchImpl, now, timeoutMs: 20 });

    expect(result).toEqual({ kind: 'unreachable', reason: 'no answer within 20 ms', receivedAt: at });
  });

  it('says when the caller cancelled the request', async () => {
    const controller = new AbortController();
    const fetchImpl: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );

    const pending = fetchHealth({ fetchImpl, now, signal: controller.signal });
    controller.abort();

    expect(await pending).toMatchObject({ kind: 'unreachable', reason: 'request cancelled' });
  });
});

describe('interpretResponse', () => {
  it('treats other HTTP statuses as unreachable, naming the status', () => {
    expect(interpretResponse(502, 'Bad Gateway', '', at)).toEqual({
      kind: 'unreachable',
      reason: 'HTTP 502 Bad Gateway from /api/health',
      receivedAt: at,
    });
    expect(interpretResponse(404, '', 'Not Found', at)).toMatchObject({
      reason: 'HTTP 404 from /api/health',
    });
  });

  it('says when the body is not JSON', () => {
    expect(interpretResponse(200, 'OK', '<!doctype html><html>', at)).toMatchObject({
      kind: 'unreachable',
      reason: 'HTTP 200 OK but the body is not JSON (starts with "<!doctype html><html>")',
    });
    expect(interpretResponse(503, 'Service Unavailable', '', at)).toMatchObject({
      reason: 'HTTP 503 Service Unavailable but the body is not JSON (empty)',
    });
  });

  it('says what is wrong with JSON that does not follow the contract', () => {
    expect(interpretResponse(200, 'OK', '{"status":"up"}', at)).toMatchObject({
      kind: 'unreachable',
      reason: expect.stringMatching(/^unexpected health response: checkedAt: .*; checks: /),
    });
  });
});
