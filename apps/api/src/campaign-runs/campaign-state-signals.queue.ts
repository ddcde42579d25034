import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { CampaignState } from '@loa/engine';
import type { Job, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { activeCohortPage, activeWorkflowPage } from './enrollment-store';
import { JourneyControl } from './journey-control';

export const CAMPAIGN_STATE_SIGNALS_QUEUE = 'campaign-state-signals';

export interface CampaignStateSignalsJob {
  workspaceId: string;
  campaignId: string;
}

/** Active journeys read per page (keyset on id, partial index on active enrollments). */
export const SIGNAL_PAGE_SIZE = 500;
/** Signals in flight at once: bounds the load on the Temporal frontend. */
export const SIGNAL_CONCURRENCY = 25;

const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

/** Campaign states the journeys know; the others (draft, pending approval, archived) are not signalled. */
const SIGNALLED: Record<string, CampaignState> = { active: 'active', paused: 'paused', stopped: 'stopped' };

/** Asks for a campaign's state to be signalled to its running journeys, after the state change committed. */
@Injectable()
export class CampaignStateSignals {
  constructor(
    @InjectQueue(CAMPAIGN_STATE_SIGNALS_QUEUE) private readonly queue: Queue<CampaignStateSignalsJob>,
  ) {}

  async request(workspaceId: string, campaignId: string): Promise<void> {
    await this.queue.add({ workspaceId, campaignId }, JOB_OPTIONS);
  }
}

/** Pages of workflow ids read by keyset until a page comes back empty. */
async function* workflowPages(
  read: (afterId: string | null) => Promise<{ workflowIds: string[]; last: string | undefined }>,
): AsyncGenerator<string[]> {
  let afterId: string | null = null;
  for (;;) {
    const { workflowIds, last } = await read(afterId);
    if (last === undefined) return;
    yield workflowIds;
    afterId = last;
  }
}

/**
 * Signals a campaign's *current* state (read when the job runs, so a pause followed by a resume cannot end
 * paused whatever order the jobs run in) to every active journey, page by page with bounded concurrency: each
 * journey of its own, and each cohort with an active member once (the cohort passes it to its members). A
 * journey that ended meanwhile is skipped; a failure retries the job, and repeating a signal changes nothing.
 * A journey the signal misses still reads the state itself after its next long wait (getCampaignState).
 */
@Processor(CAMPAIGN_STATE_SIGNALS_QUEUE)
export class CampaignStateSignalsProcessor {
  private readonly logger = new Logger(CampaignStateSignalsProcessor.name);

  constructor(
    private readonly db: DataSource,
    private readonly journeys: JourneyControl,
  ) {}

  @Process()
  async signal(job: Job<CampaignStateSignalsJob>): Promise<{ state: string; signalled: number }> {
    return this.signalCampaign(job.data.workspaceId, job.data.campaignId);
  }

  async signalCampaign(
    workspaceId: string,
    campaignId: string,
    pageSize = SIGNAL_PAGE_SIZE,
  ): Promise<{ state: string; signalled: number }> {
    const rows: Array<{ state: string }> = await this.db.query(
      'SELECT state FROM campaigns WHERE id = $1 AND workspace_id = $2',
      [campaignId, workspaceId],
    );
    const state = rows[0] ? SIGNALLED[rows[0].state] : undefined;
    if (!state) return { state: rows[0]?.state ?? 'missing', signalled: 0 };
    const pages = [
      workflowPages((afterId) =>
        activeWorkflowPage(this.db.manager, workspaceId, campaignId, afterId, pageSize).then((rows) => ({
          workflowIds: rows.map((row) => row.workflow_id),
          last: rows.at(-1)?.id,
        })),
      ),
      workflowPages((afterId) =>
        activeCohortPage(this.db.manager, workspaceId, campaignId, afterId, pageSize).then((ids) => ({
          workflowIds: ids,
          last: ids.at(-1),
        })),
      ),
    ];
    let signalled = 0;
    for (const workflows of pages)
      for await (const page of workflows)
        for (let start = 0; start < page.length; start += SIGNAL_CONCURRENCY) {
          const delivered = await Promise.all(
            page
              .slice(start, start + SIGNAL_CONCURRENCY)
              .map((workflowId) => this.journeys.signalCampaignState(workflowId, state)),
          );
          signalled += delivered.filter(Boolean).length;
        }
    this.logger.log({ msg: 'campaign state signalled to its journeys', campaignId, state, signalled });
    return { state, signalled };
  }
}
