import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import {
  campaignVersion,
  cohortHasRun,
  exitUnstartedMembers,
  orphanedCohort,
  unrecordedCohorts,
  type OrphanedCohort,
} from './orphaned-cohort-rows';
import { startCohortJourney } from './start-cohort-journey';

export interface OrphanedCohortsOptions {
  /** A reservation younger than this is left to its own start, which normally follows within a second. */
  graceMs: number;
  passEveryMs: number;
  cohortsPerPass: number;
}

export const ORPHANED_COHORTS_OPTIONS = Symbol('ORPHANED_COHORTS_OPTIONS');

const DEFAULTS: OrphanedCohortsOptions = { graceMs: 5 * 60_000, passEveryMs: 60_000, cohortsPerPass: 50 };
/** Cohorts found in Temporal, remembered so that a pass does not describe them again. */
const KNOWN_COHORTS = 10_000;
/** Campaign states whose cohorts still run; a cohort of any other campaign (stopped, archived) has nothing to do. */
const RUNNING_STATES = new Set(['active', 'paused']);

type Resolution = 'started' | 'exited' | 'none';

/**
 * Finds cohorts whose members' enrollments were written (CohortStarter.reserve) but whose cohortJourney never
 * started: the startCohort activity ran out of retries, or its campaign run ended in between. Such members would
 * stay active forever. A cohort Temporal does not know is started now with the input its starter would have given,
 * or, when its campaign is stopped, archived or gone, its members exit `stopped` and nothing is sent. Runs at start
 * and on a timer; any number of API processes may run it (the start rejects a duplicate, the exit updates each row
 * once).
 */
@Injectable()
export class OrphanedCohortsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrphanedCohortsService.name);
  private readonly options: OrphanedCohortsOptions;
  private readonly known = new LRUCache<string, true>({ max: KNOWN_COHORTS });
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    @Optional() @Inject(ORPHANED_COHORTS_OPTIONS) options?: Partial<OrphanedCohortsOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  onApplicationBootstrap(): void {
    const pass = () => {
      this.running ??= this.resolveOrphans()
        .catch((error: Error) => this.logger.error(`orphaned cohorts pass failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    };
    pass();
    this.timer = setInterval(pass, this.options.passEveryMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * One pass over at most `cohortsPerPass` cohorts that may never have started: answers how many cohorts it started
   * and how many it ended by exiting their members. Temporal unreachable ends the pass (the next one tries again).
   */
  async resolveOrphans(): Promise<{ started: number; exited: number }> {
    const counts = { started: 0, exited: 0 };
    const cohortIds = await unrecordedCohorts(this.db, {
      graceMs: this.options.graceMs,
      known: [...this.known.keys()],
      limit: this.options.cohortsPerPass,
    });
    for (const cohortId of cohortIds) {
      if (this.stopping) break;
      if (await this.existsInTemporal(cohortId)) {
        this.known.set(cohortId, true);
        continue;
      }
      try {
        const resolution = await this.resolve(cohortId);
        if (resolution !== 'none') counts[resolution] += 1;
        // Looked at once: a cohort that needs nothing (or cannot be started) does not take a later pass's place.
        this.known.set(cohortId, true);
      } catch (error) {
        this.logger.warn({ msg: 'orphaned cohort not resolved', cohortId, error: (error as Error).message });
      }
    }
    if (counts.started + counts.exited > 0) this.logger.log({ msg: 'orphaned cohorts resolved', ...counts });
    return counts;
  }

  private async existsInTemporal(cohortId: string): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(cohortId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  private async resolve(cohortId: string): Promise<Resolution> {
    const cohort = await orphanedCohort(this.db, cohortId);
    if (!cohort) return 'none';
    // Temporal forgets a closed workflow after its retention: a cohort that ran is never started again.
    if (await cohortHasRun(this.db, cohortId)) {
      this.logger.warn({
        msg: 'orphaned cohort: it ran, yet members never recorded',
        cohortId,
        ...ids(cohort),
      });
      return 'none';
    }
    const campaign = await campaignVersion(this.db, cohort);
    if (!campaign || !RUNNING_STATES.has(campaign.state)) return this.exit(cohortId, cohort, campaign?.state);
    if (!campaign.plan) {
      this.logger.warn({ msg: 'orphaned cohort: campaign version not found', cohortId, ...ids(cohort) });
      return 'none';
    }
    const started = await startCohortJourney(this.temporal, this.config.temporal.taskQueue, {
      workspaceId: cohort.workspaceId,
      plan: campaign.plan,
      cohortId,
      contactIds: cohort.contactIds,
    });
    if (!started) return 'none';
    this.logger.log({
      msg: 'orphaned cohort: started',
      cohortId,
      ...ids(cohort),
      campaignState: campaign.state,
      members: cohort.contactIds.length,
    });
    return 'started';
  }

  private async exit(
    cohortId: string,
    cohort: OrphanedCohort,
    campaignState = 'missing',
  ): Promise<Resolution> {
    const exited = await exitUnstartedMembers(this.db, cohortId);
    if (exited === 0) return 'none';
    this.logger.log({
      msg: 'orphaned cohort: members exited',
      cohortId,
      ...ids(cohort),
      campaignState,
      exited,
    });
    return 'exited';
  }
}

const ids = (cohort: OrphanedCohort) => ({
  workspaceId: cohort.workspaceId,
  campaignId: cohort.campaignId,
  versionId: cohort.versionId,
});
