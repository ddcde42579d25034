import { startServer, stopServer } from './child-processes';
import { untilTemporalServerAnswers } from './server-answers';
import { startTimeSkippingServer, timeSkippingServerBinary } from './time-skipping-server';

describe('untilTemporalServerAnswers', () => {
  it('gives up at once when the server process has ended, naming how', async () => {
    const server = startServer('server-answers-probe-exits', 'sh', ['-c', 'exit 3']);
    const started = Date.now();
    await expect(untilTemporalServerAnswers('a probe', '127.0.0.1:1', server)).rejects.toThrow(
      /exited with code 3/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('fails when its server lost the port, though another server answers there', async () => {
    const first = await startTimeSkippingServer();
    const port = first.address.split(':')[1]!;
    const second = startServer('server-answers-probe-same-port', timeSkippingServerBinary(), [port]);
    try {
      await expect(untilTemporalServerAnswers('the second', first.address, second)).rejects.toThrow(
        /the second at .*: its port was taken/,
      );
    } finally {
      await stopServer(second);
      await first.stop();
    }
  });
});
