import { StatusView } from './status-view';
import { POLL_INTERVAL_MS, useHealth } from './use-health';

export function StatusPage() {
  const { result, checking, refresh } = useHealth(POLL_INTERVAL_MS);
  return <StatusView result={result} checking={checking} intervalMs={POLL_INTERVAL_MS} onRefresh={refresh} />;
}
