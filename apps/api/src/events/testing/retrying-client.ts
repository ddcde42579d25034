/**
 * A client as Segment's libraries behave: it sends each event until it gets a 2xx, retrying on connection errors,
 * timeouts and 5xx/429 answers. Any other 4xx is a bug in the test, so it throws.
 */
export async function sendUntilAcknowledged(input: {
  url: string;
  key: string;
  path: '/v1/track' | '/v1/identify' | '/v1/batch';
  body: unknown;
  onRetry?: () => void;
}): Promise<void> {
  const giveUpAt = Date.now() + 120_000;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${input.url}${input.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${input.key}` },
        body: JSON.stringify(input.body),
        signal: AbortSignal.timeout(5000),
      });
      const text = await response.text();
      if (response.ok) return;
      if (response.status < 500 && response.status !== 429)
        throw new Error(`HTTP ${response.status}: ${text}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('HTTP ')) throw error;
    }
    if (Date.now() > giveUpAt) throw new Error(`gave up after ${attempt} attempts in 120 s`);
    input.onRetry?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `task` for each item with at most `concurrency` in flight. */
export async function runConcurrently<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}
