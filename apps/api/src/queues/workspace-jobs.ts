import type { Logger } from '@nestjs/common';
import type { Queue } from 'bull';

/** A job that asks for a workspace's pending work to be done; the work itself is found from durable cursors. */
export interface WorkspaceJob {
  workspaceId: string;
}

const WORKSPACE_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

/**
 * Queues a workspace job. A failure to queue is logged, not thrown: the cursor is durable, so the workspace's next
 * request makes up for it.
 */
export async function requestWorkspaceJob(
  queue: Queue<WorkspaceJob>,
  workspaceId: string,
  logger: Logger,
  what: string,
): Promise<void> {
  try {
    await queue.add({ workspaceId }, WORKSPACE_JOB_OPTIONS);
  } catch (error) {
    logger.warn(`Could not ask for ${what}`, {
      workspaceId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
