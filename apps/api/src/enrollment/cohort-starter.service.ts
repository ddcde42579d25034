import { Inject, Injectable, Logger } from '@nestjs/common';
import { ESMS_ADVERTISING_MIN_RECIPIENTS } from '@loa/connectors';
import { journeyWorkflowId, mayReenterAfterExit, SINGLE_ENTRY_KEY, type RunSettings } from '@loa/engine';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { lockCampaignEntries, unclaimed } from './entry-lock';
import { startCohortJourney, type ReservedCohort } from './start-cohort-journey';

/**
 * Enters a page of a broadcast's contacts as one cohort (DESIGN §6 cohort execution). Their enrollments are written
 * first, under the cohort's id, by one statement that skips every contact already enrolled in the campaign (a
 * journey of theirs runs, or ran and re-entry does not allow another); then the cohortJourney starts with the
 * contacts that were written. A retried call finds its own rows and starts nothing twice; members whose cohort never
 * starts (the call's retries ran out, or its run ended before them) are started or exited by OrphanedCohortsService.
 */
@Injectable()
export class CohortStarter {
  private readonly logger = new Logger(CohortStarter.name);

  constructor(
    private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  /**
   * How the workspace runs its broadcasts: cohorts from this many contacts up, this many per cohort. A run that
   * sends advertising SMS from an eSMS advertising account runs as cohorts whatever its size, of at least 30: eSMS
   * takes those only in requests of 30 numbers or more, which only a cohort's batches make.
   */
  async runSettings(workspaceId: string, advertisingSmsAccountIds: string[] = []): Promise<RunSettings> {
    const [row] = (await this.db.query(
      `SELECT cohort_threshold, cohort_size,
              EXISTS (SELECT 1 FROM channel_accounts
                       WHERE workspace_id = $1 AND id::text = ANY($2::text[]) AND kind = 'esms'
                         AND settings ->> 'smsType' = 'advertising') AS esms_advertising
         FROM workspaces WHERE id = $1`,
      [workspaceId, advertisingSmsAccountIds],
    )) as Array<{ cohort_threshold: number; cohort_size: number; esms_advertising: boolean }>;
    if (!row) throw new Error(`No workspace ${workspaceId}`);
    if (!row.esms_advertising) return { cohortThreshold: row.cohort_threshold, cohortSize: row.cohort_size };
    return { cohortThreshold: 1, cohortSize: Math.max(row.cohort_size, ESMS_ADVERTISING_MIN_RECIPIENTS) };
  }

  async start(input: ReservedCohort): Promise<{ started: number; skipped: number }> {
    const members = await this.reserve(input);
    // A retried call after its members were exited (OrphanedCohortsService, the campaign stopped) starts nothing.
    const active = await this.membersOf(
      input.cohortId,
      members.map((id) => journeyWorkflowId(input.plan.campaignId, id, SINGLE_ENTRY_KEY)),
      members,
      true,
    );
    if (active.length > 0) {
      try {
        // false: a retried call, the cohort started the first time.
        await startCohortJourney(this.temporal, this.config.temporal.taskQueue, {
          ...input,
          contactIds: active,
        });
      } catch (error) {
        this.logger.warn('Could not start a cohort', { cohortId: input.cohortId });
        throw error;
      }
    }
    return { started: members.length, skipped: input.contactIds.length - members.length };
  }

  /** Writes the enrollments of the contacts not enrolled yet; answers every member of the cohort, in input order. */
  async reserve(input: ReservedCohort): Promise<string[]> {
    const { plan, cohortId, contactIds } = input;
    const workflowIds = contactIds.map((id) => journeyWorkflowId(plan.campaignId, id, SINGLE_ENTRY_KEY));
    // A retried call keeps the members its first attempt wrote (its cohort may have started with exactly those).
    const written = await this.membersOf(cohortId, workflowIds, contactIds);
    if (written.length > 0) return written;
    await this.db.transaction(async (manager) => {
      // Journeys of this campaign being entered on their own finish writing their rows first (entry-lock.ts).
      await lockCampaignEntries(manager, plan.campaignId, 'exclusive');
      await manager.query(
        `INSERT INTO enrollments (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key,
         status, logged, entered_at, updated_at, cohort_workflow_id)
       SELECT $1, $2, $3, c.contact_id, c.workflow_id, $4, $7, 'active', 0, now(), now(), $4
         FROM unnest($5::uuid[], $6::text[]) AS c (contact_id, workflow_id)
        WHERE NOT EXISTS (
                SELECT 1 FROM enrollments e WHERE e.workflow_id = c.workflow_id AND (e.status = 'active' OR $8))
          AND ${unclaimed('c.workflow_id')}
        ORDER BY c.workflow_id
       ON CONFLICT DO NOTHING`,
        [
          input.workspaceId,
          plan.campaignId,
          plan.versionId,
          cohortId,
          contactIds,
          workflowIds,
          SINGLE_ENTRY_KEY,
          !mayReenterAfterExit(plan),
        ],
      );
    });
    return this.membersOf(cohortId, workflowIds, contactIds);
  }

  /** The members written under this cohort (only those still active with `activeOnly`), in the order given. */
  private async membersOf(
    cohortId: string,
    workflowIds: string[],
    contactIds: string[],
    activeOnly = false,
  ): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT contact_id FROM enrollments WHERE workflow_id = ANY($1::text[]) AND run_id = $2
          AND (status = 'active' OR NOT $3)`,
      [workflowIds, cohortId, activeOnly],
    )) as Array<{ contact_id: string }>;
    const reserved = new Set(rows.map((row) => row.contact_id));
    return contactIds.filter((id) => reserved.has(id));
  }
}
