import type { CampaignState } from '@loa/engine';

/** Where journeys learn their campaign's state (`getCampaignState`); the campaigns module provides the real one. */
export interface CampaignStateSource {
  /** The state as journeys see it; a campaign that does not exist is `stopped`. */
  stateOf(campaignId: string): Promise<CampaignState>;
}

export const CAMPAIGN_STATE_SOURCE = Symbol('CAMPAIGN_STATE_SOURCE');

/**
 * A campaign's lifecycle state as a journey acts on it: running, holding at its next send, or leaving. Draft and
 * pending approval never hold running journeys of their own; should a campaign be seen in one, its journeys hold
 * (reversible) rather than leave (final).
 */
export function journeyStateOf(lifecycleState: string | undefined): CampaignState {
  switch (lifecycleState) {
    case 'active':
      return 'active';
    case undefined:
    case 'stopped':
    case 'archived':
      return 'stopped';
    default:
      return 'paused';
  }
}
