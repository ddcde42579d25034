import { QueryFailedError } from 'typeorm';
import { problems } from '../../http/problem';

/** unique_violation and deadlock_detected: a concurrent writer got there first; running again sees its result. */
const RETRYABLE = new Set(['23505', '40P01']);

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs `attempt` (a whole transaction or savepoint) and, if a concurrent writer made it fail on a unique index or
 * a deadlock, once more. A second such failure is a 409, never a 500.
 */
export async function withOneRetry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isRetryable(error)) throw error;
  }
  try {
    return await attempt();
  } catch (error) {
    if (isRetryable(error)) throw problems.conflict('A concurrent change to the same contact won; try again');
    throw error;
  }
}
