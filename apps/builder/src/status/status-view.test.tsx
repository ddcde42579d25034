import { renderToStaticMarkup } from 'react-dom/server';
import type { HealthResult } from './fetch-health';
import { parseHealth } from './health';
import { StatusView } from './status-view';
import { bodyWithDown, healthyBody } from './testing/health-body';

// The Jest preset runs in Node (no DOM), so the view is checked through its server-rendered markup.
function render(result: HealthResult | undefined): string {
  return renderToStaticMarkup(
    <StatusView result={result} checking={false} intervalMs={5000} onRefresh={() => undefined} />,
  );
}

function reportResult(body: unknown): HealthResult {
  const parsed = parseHealth(body);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { kind: 'report', report: parsed.report, receivedAt: new Date() };
}

describe('StatusView', () => {
  it('shows a checking banner before the first answer', () => {
    const html = render(undefined);

    expect(html).toContain('System status');
    expect(html).toMatch(/data-testid="status-banner" data-status="checking">.*Checking system status/);
  });

  it('shows one row per dependency, in order, with badge, latency and detail', () => {
    const html = render(reportResult(healthyBody()));

    expect(html).toContain('All systems operational');
    const rows = [...html.matchAll(/data-testid="dependency-(\w+)" data-status="(\w+)"/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(rows).toEqual(['database:up', 'redis:up', 'temporal:up', 'worker:up']);
    expect(html).toContain('<h2 class="dependency__name">Database</h2>');
    expect(html).toContain('PGlite (embedded)');
    expect(html).toContain('1 poller on task queue loa-main');
    expect(html).toContain('<dd data-testid="latency">12 ms</dd>');
    expect(html).toContain('dateTime="2026-03-04T10:20:30.000Z"');
  });

  it('names the failing dependencies and shows their error', () => {
    const html = render(reportResult(bodyWithDown('redis', 'worker')));

    expect(html).toMatch(/data-status="down">.*Degraded: Redis and Worker are down/);
    expect(html).toContain('data-testid="dependency-redis" data-status="down"');
    expect(html).toContain('data-testid="dependency-database" data-status="up"');
    expect(html).toContain('redis did not answer');
    expect(html).toContain('<dd data-testid="latency">2.0 s</dd>');
  });

  it('shows "API unreachable" with the reason instead of rows', () => {
    const html = render({
      kind: 'unreachable',
      reason: 'HTTP 502 Bad Gateway from /api/health',
      receivedAt: new Date(),
    });

    expect(html).toMatch(/data-status="unreachable">.*API unreachable/);
    expect(html).toContain('HTTP 502 Bad Gateway from /api/health');
    expect(html).not.toContain('data-testid="dependency-');
  });

  it('marks the banner as a polite live region', () => {
    expect(render(undefined)).toContain('role="status" aria-live="polite"');
  });
});
