import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';

/** Resolves once the Temporal server at `address` answers; fails at once when its process has exited. */
export async function temporalServerAnswers(address: string, server: ChildProcess): Promise<void> {
  if (server.exitCode !== null)
    throw new Error(`the server exited with code ${server.exitCode} (see tmp/test-logs)`);
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.getSystemInfo({}));
  } finally {
    await connection.close();
  }
}
