import type { INestApplicationContext } from '@nestjs/common';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * The worker inside the API process uses the API's DataSource: the worker drains its running activities first, then
 * the API closes (and with it the database).
 */
export async function closeWorkerThenApi(
  worker: INestApplicationContext | undefined,
  api: INestApplicationContext,
): Promise<void> {
  try {
    await worker?.close();
  } finally {
    await api.close();
  }
}

/**
 * One handler for the process's termination signals (instead of each app's own shutdown hooks, which would close
 * both apps at once): runs `close` once, then ends the process with the signal, as Nest's hooks do.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    void close()
      .catch((error: unknown) => process.stderr.write(`Loa API shutdown failed: ${String(error)}\n`))
      .finally(() => process.kill(process.pid, signal));
  };
  for (const name of SIGNALS) process.on(name, onSignal);
}
