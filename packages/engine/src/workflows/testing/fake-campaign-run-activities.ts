import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { CampaignRunActivities, RunSettings } from '../../journey/campaign-run-contract';
import { journeyEnrollment } from '../../journey/enrollment-options';
import { clientStartOptions } from './journey-test-kit';

/**
 * An audience of `size` contacts (`contact-0000` …), paged by offset, in a workspace with these run settings (by
 * default no audience reaches the cohort threshold).
 */
export function fakeAudience(
  size: number,
  settings: RunSettings = { cohortThreshold: 1_000_000, cohortSize: 500 },
): Pick<CampaignRunActivities, 'fetchAudiencePage' | 'getRunSettings'> & { pagesServed: () => number } {
  let pagesServed = 0;
  return {
    async getRunSettings() {
      return settings;
    },
    async fetchAudiencePage({ cursor, pageSize }) {
      pagesServed += 1;
      const offset = cursor === null ? 0 : Number(cursor);
      const end = Math.min(offset + pageSize, size);
      const contactIds = Array.from(
        { length: end - offset },
        (_, index) => `contact-${String(offset + index).padStart(4, '0')}`,
      );
      return { contactIds, nextCursor: end < size ? String(end) : null };
    },
    pagesServed: () => pagesServed,
  };
}

/**
 * Starts real journeys with the test's Temporal client, as the API's activity does: one workflow per contact with
 * the options of journeyEnrollment; a journey that already exists is skipped. `failOnceAtBatch` makes that call fail
 * after starting half its batch, so that Temporal retries it.
 */
export function journeyStarter(options: {
  client: Client;
  journeyTaskQueue: string;
  failOnceAtBatch?: number;
}) {
  let batches = 0;
  let failed = false;
  const startedIds: string[] = [];
  const startJourneys: CampaignRunActivities['startJourneys'] = async ({ workspaceId, plan, contactIds }) => {
    batches += 1;
    const failHere = !failed && batches === options.failOnceAtBatch;
    const counts = { started: 0, skipped: 0 };
    const startOne = async (contactId: string) => {
      const enrollment = journeyEnrollment({ workspaceId, plan, contactId });
      try {
        await options.client.workflow.start(
          'contactJourney',
          clientStartOptions(enrollment, options.journeyTaskQueue),
        );
        startedIds.push(enrollment.workflowId);
        counts.started += 1;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        counts.skipped += 1;
      }
    };
    const toStart = failHere ? contactIds.slice(0, Math.floor(contactIds.length / 2)) : contactIds;
    for (let index = 0; index < toStart.length; index += 25)
      await Promise.all(toStart.slice(index, index + 25).map(startOne));
    if (failHere) {
      failed = true;
      throw ApplicationFailure.create({
        message: 'lost the connection half way through the batch',
        category: ApplicationFailureCategory.BENIGN,
      });
    }
    return counts;
  };
  return { startJourneys, startedIds, batches: () => batches };
}

/**
 * Starts real cohorts with the test's Temporal client, as the API's activity does (workflow id = cohort id, so a
 * retried call starts nothing twice). `failOnceAtBatch` makes that call fail after starting its cohort.
 */
export function cohortStarter(options: {
  client: Client;
  journeyTaskQueue: string;
  failOnceAtBatch?: number;
}) {
  let batches = 0;
  let failed = false;
  const members: string[] = [];
  const cohortIds: string[] = [];
  const startCohort: CampaignRunActivities['startCohort'] = async ({
    workspaceId,
    plan,
    cohortId,
    contactIds,
  }) => {
    batches += 1;
    const failHere = !failed && batches === options.failOnceAtBatch;
    try {
      await options.client.workflow.start('cohortJourney', {
        taskQueue: options.journeyTaskQueue,
        workflowId: cohortId,
        args: [{ workspaceId, plan, contactIds, entryKey: 'once' }],
      });
      cohortIds.push(cohortId);
      members.push(...contactIds);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    if (failHere) {
      failed = true;
      throw ApplicationFailure.create({
        message: 'lost the connection after starting the cohort',
        category: ApplicationFailureCategory.BENIGN,
      });
    }
    return { started: contactIds.length, skipped: 0 };
  };
  return { startCohort, members, cohortIds, batches: () => batches };
}
