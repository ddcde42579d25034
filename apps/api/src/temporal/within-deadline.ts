import { isGrpcServiceError, ServiceError, type Client } from '@temporalio/client';

export class TemporalDeadlineError extends Error {
  constructor(ms: number) {
    super(`Temporal did not answer within ${ms} ms`);
    this.name = 'TemporalDeadlineError';
  }
}

/** Whether `error` says Temporal could not be reached or did not answer, rather than anything else going wrong. */
export function isTemporalUnavailable(error: unknown): boolean {
  return error instanceof TemporalDeadlineError || error instanceof ServiceError || isGrpcServiceError(error);
}

/**
 * `call`'s answer, or a rejection after `ms`. The abort also ends the client's retries; the race covers the lazy
 * connection's first connect, which the abort signal does not bound.
 */
export async function withinDeadline<T>(client: Client, ms: number, call: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TemporalDeadlineError(ms));
    }, ms);
  });
  const answer = client.connection.withAbortSignal(controller.signal, call);
  answer.catch(() => undefined);
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
