import type { DependencyCheck, DependencyHealth } from './health-report';

export const CHECK_TIMEOUT_MS = 3000;
/** Temporal calls give up before the check does, so that the gRPC error (not a bare timeout) is reported. */
export const TEMPORAL_RPC_DEADLINE_MS = CHECK_TIMEOUT_MS - 500;

/** Runs one check with a deadline, so that an unreachable dependency answers "down" instead of hanging. */
export async function runCheck(
  check: DependencyCheck,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const detail = await Promise.race([check.run(), deadline]);
    return { status: 'up', latencyMs: elapsed(started), detail };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: errorMessage(error) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
