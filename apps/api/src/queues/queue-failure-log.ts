import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type Bull from 'bull';
import { registeredQueues } from './registered-queues';

/**
 * Logs every failed job attempt of every queue the application registered (queue, job id, attempt, error message),
 * so that a job that keeps failing and retrying is seen, not only noticed by what stops happening.
 */
@Injectable()
export class QueueFailureLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queues');

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const queue of registeredQueues(this.discovery)) {
      queue.on('failed', (job: Bull.Job, error: Error) => {
        this.logger.warn({
          message: 'job attempt failed',
          queue: queue.name,
          jobId: String(job.id),
          attempt: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
          error: error.message,
        });
      });
    }
  }
}
