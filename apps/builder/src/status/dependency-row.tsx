import { displayName, type DependencyCheck } from './health';
import { formatLatency, formatTime } from './format';

export interface DependencyRowProps {
  name: string;
  check: DependencyCheck;
  checkedAt: string;
}

export function DependencyRow({ name, check, checkedAt }: DependencyRowProps) {
  const up = check.status === 'up';
  const note = up ? check.detail : (check.error ?? 'No reason given');
  return (
    <li
      className={`dependency dependency--${check.status}`}
      data-testid={`dependency-${name}`}
      data-status={check.status}
    >
      <div className="dependency__head">
        <h2 className="dependency__name">{displayName(name)}</h2>
        <span className={`badge badge--${check.status}`}>{up ? 'Up' : 'Down'}</span>
      </div>
      {note && <p className={up ? 'dependency__detail' : 'dependency__error'}>{note}</p>}
      {!up && check.detail && <p className="dependency__detail">{check.detail}</p>}
      <dl className="dependency__facts">
        <div>
          <dt>Latency</dt>
          <dd data-testid="latency">{formatLatency(check.latencyMs)}</dd>
        </div>
        <div>
          <dt>Last checked</dt>
          <dd>
            <time dateTime={checkedAt}>{formatTime(checkedAt)}</time>
          </dd>
        </div>
      </dl>
    </li>
  );
}
