/** Runs `fn` `warmup` times, then `runs` times, and returns the sorted durations in milliseconds. */
export function measureSync(fn: () => void, { warmup, runs }: { warmup: number; runs: number }): number[] {
  for (let i = 0; i < warmup; i += 1) fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    fn();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
