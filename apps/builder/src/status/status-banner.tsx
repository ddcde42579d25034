import type { HealthResult } from './fetch-health';
import { summarize } from './summary';

export type BannerTone = 'checking' | 'up' | 'down' | 'unreachable';

export function StatusBanner({ result }: { result: HealthResult | undefined }) {
  const { tone, title, reason } = describeResult(result);
  return (
    <div
      className={`banner banner--${tone}`}
      role="status"
      aria-live="polite"
      data-testid="status-banner"
      data-status={tone}
    >
      <span className="banner__icon" aria-hidden="true" />
      <div>
        <p className="banner__title">{title}</p>
        {reason && (
          <p className="banner__reason" data-testid="status-banner-reason">
            {reason}
          </p>
        )}
      </div>
    </div>
  );
}

function describeResult(result: HealthResult | undefined): {
  tone: BannerTone;
  title: string;
  reason?: string;
} {
  if (!result) return { tone: 'checking', title: 'Checking system status…' };
  if (result.kind === 'unreachable')
    return { tone: 'unreachable', title: 'API unreachable', reason: result.reason };
  const { report } = result;
  const anyDown =
    report.status === 'down' || Object.values(report.checks).some((check) => check.status === 'down');
  return { tone: anyDown ? 'down' : 'up', title: summarize(report) };
}
