import type { CampaignRunActivities } from '@loa/engine';
import type { JourneyStarter } from '../enrollment/journey-starter.service';
import type { AudiencePages } from './audience-pages';

/** Journeys started at once within a batch. */
const STARTS_IN_FLIGHT = 25;

/**
 * campaignRun's activities: audience pages from PostgreSQL, and journeys entered through the JourneyStarter (workflow
 * id rules, re-entry, enrollment limit). A contact whose journey already exists counts as skipped, so a retried
 * batch starts nothing twice.
 */
export function createCampaignRunActivities(
  pages: AudiencePages,
  starter: JourneyStarter,
): CampaignRunActivities {
  return {
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
