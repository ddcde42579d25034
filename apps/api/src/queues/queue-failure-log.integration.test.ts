import { waitFor } from '@loa/testing';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import { createApp } from '../create-app';
import { EVENT_ROUTING_QUEUE } from '../events/event-routing-requests';
import { testConfig } from '../testing/test-config';

describe('failed queue jobs', () => {
  let app: INestApplication;
  const lines: string[] = [];

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
      lines.push(String(chunk));
      return write(chunk as string, ...rest);
    }) as typeof process.stdout.write);
    app = await createApp(testConfig());
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    jest.restoreAllMocks();
  });

  it('are logged with their queue, job, attempt and error', async () => {
    const queue = app.get<Queue>(getQueueToken(EVENT_ROUTING_QUEUE));
    const job = await queue.add({ workspaceId: 'not-a-workspace-id' }, { attempts: 1 });

    const line = await waitFor('the failed attempt logged', async () => {
      const found = lines.find((text) => text.includes('job attempt failed'));
      if (!found) throw new Error('not logged yet');
      return found;
    });
    expect(JSON.parse(line)).toMatchObject({
      level: 'warn',
      message: {
        queue: EVENT_ROUTING_QUEUE,
        jobId: String(job.id),
        attempt: 1,
        attempts: 1,
        error: expect.stringContaining('not-a-workspace-id'),
      },
    });
  });
});
