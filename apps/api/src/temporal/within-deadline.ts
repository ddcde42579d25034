import type { Client } from '@temporalio/client';

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
      reject(new Error('Temporal did not answer in time'));
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
