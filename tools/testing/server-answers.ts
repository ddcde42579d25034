import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { waitUntil } from '../process/wait-until';
import { exitedReason } from './child-processes';
import { groupListensOn } from './listening-socket';

/** Why the server cannot be the one that answers at its port, for `giveUp`. */
export class PortTakenError extends Error {}

/**
 * Resolves once the Temporal server `server`, started on `address`, answers there itself. Fails at once when its
 * process has ended or reports its port taken (a port chosen free can be taken before the server binds it; the
 * time-skipping server then lives on without it, and another server would answer in its place).
 */
export async function untilTemporalServerAnswers(
  what: string,
  address: string,
  server: ChildProcess,
): Promise<void> {
  const portTaken = watchForPortTaken(server);
  const port = Number(address.split(':').at(-1));
  try {
    await waitUntil(
      `${what} at ${address}`,
      async () => {
        if (server.pid !== undefined && !groupListensOn(server.pid, port))
          throw new Error('its process does not listen on the port yet');
        await answers(address);
      },
      { timeoutMs: 90_000, giveUp: () => exitedReason(server) ?? portTaken.reason() },
    );
  } catch (error) {
    if (portTaken.reason()) throw new PortTakenError(`${what} at ${address}: ${portTaken.reason()}`);
    throw error;
  } finally {
    portTaken.stop();
  }
}

function watchForPortTaken(server: ChildProcess) {
  let reason: string | undefined;
  const look = (chunk: Buffer) => {
    if (!reason && /Address already in use|Failed to bind/.test(chunk.toString()))
      reason = 'its port was taken (Address already in use)';
  };
  server.stdout?.on('data', look);
  server.stderr?.on('data', look);
  return {
    reason: () => reason,
    stop: () => {
      server.stdout?.off('data', look);
      server.stderr?.off('data', look);
    },
  };
}

async function answers(address: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.getSystemInfo({}));
  } finally {
    await connection.close();
  }
}
