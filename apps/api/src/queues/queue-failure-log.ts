import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import Bull from 'bull';

/**
 * Logs every failed job attempt of every queue the application registered (queue, job id, attempt, error message),
 * so that a job that keeps failing and retrying is seen, not only noticed by what stops happening.
 */
@Injectable()
export class QueueFailureLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queues');

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const queues = new Set<Bull.Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof Bull) queues.add(wrapper.instance as Bull.Queue);
    }
    for (const queue of queues) {
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
