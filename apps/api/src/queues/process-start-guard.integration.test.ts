import { randomUUID } from 'node:crypto';
import { testService } from '@loa/testing';
import Bull from 'bull';
import { guardProcessStarts } from './process-start-guard';

describe('a queue closed while its processing starts', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);

  beforeAll(() => {
    guardProcessStarts();
    process.on('unhandledRejection', record);
  });

  afterAll(() => {
    process.off('unhandledRejection', record);
  });

  it('leaves no unhandled rejection behind (as when an app is closed right after it started)', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const queue = new Bull(`start-guard-${randomUUID()}`, testService('redisUrl'), {
        prefix: `${testService('redisPrefix')}:bull`,
      });
      queue.on('error', () => undefined);
      void queue.process(async () => undefined);
      await queue.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unhandled).toEqual([]);
  });
});
