import type { CampaignRunActivities } from '@loa/engine';
import type { CohortStarter } from '../enrollment/cohort-starter.service';
import type { JourneyStarter } from '../enrollment/journey-starter.service';
import type { AudiencePages } from './audience-pages';

/** Journeys started at once within a batch. */
const STARTS_IN_FLIGHT = 25;

/**
 * campaignRun's activities: audience pages from PostgreSQL, the workspace's run settings, and contacts entered one
 * journey each through the JourneyStarter (workflow id rules, re-entry, enrollment limit) or as cohorts through the
 * CohortStarter. A contact already enrolled counts as skipped, so a retried batch starts nothing twice.
 */
export function createCampaignRunActivities(
  pages: AudiencePages,
  starter: JourneyStarter,
  cohorts: CohortStarter,
): CampaignRunActivities {
  return {
    async getRunSettings({ workspaceId, advertisingSmsAccountIds }) {
      return cohorts.runSettings(workspaceId, advertisingSmsAccountIds ?? []);
    },
    async startCohort(input) {
      return cohorts.start(input);
    },
    async fetchAudiencePage(input) {
      return pages.fetch(input);
    },
    async startJourneys({ workspaceId, plan, contactIds }) {
      const entry = { workspaceId, campaignId: plan.campaignId, plan };
      const counts = { started: 0, skipped: 0 };
      for (let index = 0; index < contactIds.length; index += STARTS_IN_FLIGHT) {
        const outcomes = await Promise.all(
          contactIds.slice(index, index + STARTS_IN_FLIGHT).map((id) => starter.enter(entry, id)),
        );
        for (const outcome of outcomes) counts[outcome.status === 'started' ? 'started' : 'skipped'] += 1;
      }
      return counts;
    },
  };
}
