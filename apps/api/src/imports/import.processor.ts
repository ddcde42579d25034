import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { CONTACT_IMPORT_QUEUE, type ContactImportJob } from './import-queue';
import { ImportRunner, PermanentImportFailure } from './import-runner';
import { ImportsStore } from './imports.store';

/** Runs queued imports; Bull retries a failed attempt and hands a stalled one to another worker, both resuming. */
@Processor(CONTACT_IMPORT_QUEUE)
export class ImportProcessor {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly runner: ImportRunner,
    private readonly store: ImportsStore,
  ) {}

  @Process()
  async handle(job: Job<ContactImportJob>): Promise<void> {
    const { workspaceId, importId } = job.data;
    try {
      await this.runner.run(workspaceId, importId);
    } catch (error) {
      if (!(error instanceof PermanentImportFailure)) throw error;
      await this.store.finish(importId, 'failed', error.message);
    }
  }

  /** After the last attempt the import is failed, with the reason; its committed batches stay. */
  @OnQueueFailed()
  async failed(job: Job<ContactImportJob>, error: Error): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    this.logger.warn({
      msg: 'import attempt failed',
      ...job.data,
      attempt: job.attemptsMade,
      error: error.message,
    });
    if (job.attemptsMade >= attempts) await this.store.finish(job.data.importId, 'failed', error.message);
  }
}
