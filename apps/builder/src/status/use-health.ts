import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchHealth, type HealthResult } from './fetch-health';

export const POLL_INTERVAL_MS = 5_000;

export interface HealthPolling {
  /** Latest result; undefined until the first answer arrives. */
  result: HealthResult | undefined;
  /** True while a request is in flight. */
  checking: boolean;
  /** Polls now and restarts the interval. */
  refresh: () => void;
}

/** Polls the health endpoint: once on mount, then intervalMs after each answer (requests never overlap). */
export function useHealth(intervalMs: number = POLL_INTERVAL_MS): HealthPolling {
  const [result, setResult] = useState<HealthResult>();
  const [checking, setChecking] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);

  const stop = useCallback(() => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
  }, []);

  const poll = useCallback(async () => {
    stop();
    const controller = new AbortController();
    inFlight.current = controller;
    setChecking(true);
    const next = await fetchHealth({ signal: controller.signal });
    if (controller.signal.aborted) return; // superseded by a newer poll or unmounted
    setResult(next);
    setChecking(false);
    timer.current = setTimeout(() => void poll(), intervalMs);
  }, [intervalMs, stop]);

  useEffect(() => {
    void poll();
    return stop;
  }, [poll, stop]);

  const refresh = useCallback(() => void poll(), [poll]);
  return { result, checking, refresh };
}
