/**
 * Runs `check` until it stops throwing (a Jest `expect` inside it, say) or `timeoutMs` passes, then throws its last
 * error: for what the page shows once it has answered, without fixed sleeps.
 */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
