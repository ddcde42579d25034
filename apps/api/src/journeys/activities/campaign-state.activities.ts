import type { JourneyActivities } from '@loa/engine';
import type { CampaignStateSource } from '../campaign-state-source';

/** `getCampaignState`, bound to where campaign states are kept. */
export function createCampaignStateActivities(
  source: CampaignStateSource,
): Pick<JourneyActivities, 'getCampaignState'> {
  return {
    async getCampaignState({ campaignId }) {
      return source.stateOf(campaignId);
    },
  };
}
