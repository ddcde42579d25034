import type { JobOptions } from 'bull';

export const CONTACT_IMPORT_QUEUE = 'contact-import';

export interface ContactImportJob {
  importId: string;
  workspaceId: string;
}

/**
 * Retried with backoff (an attempt also ends when its process shuts down); a retry, or a job picked up again after
 * its worker died, resumes after the last committed batch.
 */
export const CONTACT_IMPORT_JOB_OPTIONS: JobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 100,
  removeOnFail: 100,
};

/** A job whose worker stopped renewing its lock is given to another worker, up to this many times. */
export const CONTACT_IMPORT_MAX_STALLED = 5;
