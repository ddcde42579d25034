import { existsSync, readdirSync } from 'node:fs';
import { startServer } from './child-processes';
import { killFileServers, openFileServerRegistry, registerFileServer } from './file-servers';
import { isAlive } from '../process/stop-process';
import { uniqueName } from './test-services';
import { waitFor } from './wait-for';

describe('servers started by test files', () => {
  const runDir = process.env.LOA_TEST_FILE_SERVERS_DIR;
  afterEach(() => {
    process.env.LOA_TEST_FILE_SERVERS_DIR = runDir;
  });

  it('are killed by the global teardown when their file could not stop them, and taken off the list when it did', async () => {
    const dir = openFileServerRegistry(uniqueName('probe'));
    const left = startServer('file-servers-probe-left', 'sleep', ['600']);
    const stopped = startServer('file-servers-probe-stopped', 'sleep', ['600']);
    registerFileServer(left.pid);
    const unregister = registerFileServer(stopped.pid);
    stopped.kill('SIGKILL');
    unregister();
    expect(readdirSync(dir)).toEqual([String(left.pid)]);

    killFileServers(dir);
    await waitFor('the left server killed', async () => {
      if (isAlive(left.pid!)) throw new Error('still running');
    });
    expect(existsSync(dir)).toBe(false);
  });
});
