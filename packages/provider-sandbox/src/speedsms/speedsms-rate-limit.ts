/** Fixed-window limit per token; `resetInSeconds` feeds X-Rate-Limit-Reset. */
export function takeRateLimit(input: {
  windows: Map<string, { startedAt: number; count: number }>;
  token: string;
  limit: number;
  windowMs: number;
  now: number;
}): { allowed: boolean; remaining: number; resetInSeconds: number } {
  let window = input.windows.get(input.token);
  if (!window || input.now - window.startedAt >= input.windowMs) {
    window = { startedAt: input.now, count: 0 };
    input.windows.set(input.token, window);
  }
  const resetInSeconds = Math.max(1, Math.ceil((window.startedAt + input.windowMs - input.now) / 1000));
  if (window.count >= input.limit) return { allowed: false, remaining: 0, resetInSeconds };
  window.count += 1;
  return { allowed: true, remaining: input.limit - window.count, resetInSeconds };
}

export const TOO_MANY_REQUESTS = {
  name: 'Too Many Requests',
  message: 'Rate limit exceeded.',
  code: 0,
  status: 429,
};
