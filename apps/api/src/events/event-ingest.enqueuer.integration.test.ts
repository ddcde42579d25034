import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { EventIngestEnqueuer, MAX_EVENTS_PER_JOB } from './event-ingest.enqueuer';
import { EVENT_INGEST_QUEUE, type EventIngestJob } from './event-ingest.queue';
import type { StoredEvent } from './event-store';

describe('stored events are queued for processing in bounded jobs, on real Redis', () => {
  let app: INestApplication;
  let enqueuer: EventIngestEnqueuer;
  let queue: Queue<EventIngestJob>;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    enqueuer = app.get(EventIngestEnqueuer);
    queue = app.get(getQueueToken(EVENT_INGEST_QUEUE));
  });

  afterAll(async () => {
    await app.close();
  });

  const workspaceId = '00000000-0000-4000-8000-000000000001';
  const events = (from: number, count: number): StoredEvent[] =>
    Array.from({ length: count }, (_, n) => ({
      workspaceId,
      messageId: `m-${from + n}`,
      seq: String(900_000_000 + from + n),
    }));

  it('gathers events, and queues them at once in one job when a workspace has MAX_EVENTS_PER_JOB waiting', async () => {
    const added = jest.spyOn(queue, 'add');
    try {
      enqueuer.notify(events(0, MAX_EVENTS_PER_JOB - 1));
      expect(enqueuer.waiting).toBe(MAX_EVENTS_PER_JOB - 1);
      enqueuer.notify(events(MAX_EVENTS_PER_JOB - 1, 1));
      expect(enqueuer.waiting).toBe(0);
      await new Promise((resolve) => setImmediate(resolve));
      const jobs = added.mock.calls.map(([job]) => job as unknown as EventIngestJob);
      expect(jobs.filter((job) => job.workspaceId === workspaceId)).toEqual([
        { workspaceId, seqs: events(0, MAX_EVENTS_PER_JOB).map((event) => event.seq) },
      ]);
    } finally {
      added.mockRestore();
    }
  });

  it('queues a few events after the interval, without waiting for more', async () => {
    const added = jest.spyOn(queue, 'add');
    // The app's sweeper may queue other workspaces' events of the shared test database meanwhile.
    const ours = () =>
      added.mock.calls
        .map(([job]) => job as unknown as EventIngestJob)
        .filter((job) => job.workspaceId === workspaceId);
    try {
      enqueuer.notify(events(10_000, 3));
      expect(enqueuer.waiting).toBe(3);
      await new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error('never queued')), 10_000);
        const poll = setInterval(() => {
          if (!ours().length) return;
          clearInterval(poll);
          clearTimeout(deadline);
          resolve();
        }, 20);
      });
      expect(ours()).toEqual([{ workspaceId, seqs: events(10_000, 3).map((e) => e.seq) }]);
      expect(enqueuer.waiting).toBe(0);
    } finally {
      added.mockRestore();
    }
  });
});
