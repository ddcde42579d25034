import type { CampaignSettings, JourneyRef } from '@loa/engine';
import { LRUCache } from 'lru-cache';

/** What the activities need to know about the campaign version a journey runs on. */
export interface JourneyCampaignVersion {
  /** The plan's settings: timezone, quiet hours, frequency caps. */
  settings: CampaignSettings;
  /** For templates (`{{ campaign.name }}`). */
  name?: string;
  /** The version number the ledger records with each message. */
  version?: number;
}

/**
 * Where the activities read a journey's campaign version (the published plan). Versions are immutable, so answers
 * are cached per version id.
 */
export interface JourneyCampaigns {
  versionOf(
    journey: Pick<JourneyRef, 'workspaceId' | 'campaignId' | 'versionId'>,
  ): Promise<JourneyCampaignVersion>;
}

/** The Nest token of the `JourneyCampaigns` the activities use (provided by the module that binds the worker). */
export const JOURNEY_CAMPAIGNS = Symbol('JOURNEY_CAMPAIGNS');

/** Caches what `source` answers per (workspace, campaign, version): published versions never change. */
export function cachedJourneyCampaigns(source: JourneyCampaigns, max = 1_000): JourneyCampaigns {
  const cache = new LRUCache<string, Promise<JourneyCampaignVersion>>({ max });
  return {
    versionOf(journey) {
      const key = `${journey.workspaceId}:${journey.campaignId}:${journey.versionId}`;
      let answer = cache.get(key);
      if (!answer) {
        answer = source.versionOf(journey);
        cache.set(key, answer);
        answer.catch(() => cache.delete(key));
      }
      return answer;
    },
  };
}
