import { DependencyRow } from './dependency-row';
import type { HealthResult } from './fetch-health';
import { formatTime } from './format';
import { orderedDependencies } from './health';
import { StatusBanner } from './status-banner';

export interface StatusViewProps {
  result: HealthResult | undefined;
  checking: boolean;
  intervalMs: number;
  onRefresh: () => void;
}

export function StatusView({ result, checking, intervalMs, onRefresh }: StatusViewProps) {
  const report = result?.kind === 'report' ? result.report : undefined;
  return (
    <section className="status-page" aria-labelledby="status-title" aria-busy={checking}>
      <div className="status-page__head">
        <div>
          <h1 id="status-title">System status</h1>
          <p className="status-page__meta" data-testid="last-checked">
            {lastCheckedText(result)} · refreshes every {Math.round(intervalMs / 1000)} s
          </p>
        </div>
        <button type="button" className="button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      <StatusBanner result={result} />
      {report && (
        <ul className="dependencies" aria-label="Dependencies">
          {orderedDependencies(report).map((name) => {
            const check = report.checks[name];
            return (
              check && <DependencyRow key={name} name={name} check={check} checkedAt={report.checkedAt} />
            );
          })}
        </ul>
      )}
    </section>
  );
}

function lastCheckedText(result: HealthResult | undefined): string {
  if (!result) return 'Not checked yet';
  if (result.kind === 'unreachable') return `Last attempt ${formatTime(result.receivedAt)}`;
  return `Last checked ${formatTime(result.report.checkedAt)}`;
}
