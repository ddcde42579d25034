import { matchQuery, QueryClient } from '@tanstack/react-query';
import { campaignKeys } from '../../campaigns/campaign-queries';
import { draftKey } from '../page/editor-queries';
import { versionKeys } from '../versions/versions-queries';
import { lifecycleRefreshKeys, scheduleKey } from './lifecycle-queries';

describe('what a lifecycle action reads again', () => {
  it('refreshes the campaign, the lists and the versions, never the draft the editor holds', () => {
    const client = new QueryClient();
    const cache = client.getQueryCache();
    const keys = {
      campaign: campaignKeys.one('c1'),
      list: campaignKeys.list({} as never),
      versions: versionKeys.list('c1'),
      version: versionKeys.one('c1', 2),
      draft: draftKey('c1'),
      schedule: scheduleKey('c1'),
      otherCampaign: campaignKeys.one('c2'),
    };
    for (const queryKey of Object.values(keys)) client.setQueryData(queryKey, {});
    const refreshed = (key: readonly unknown[]) =>
      lifecycleRefreshKeys('c1').some((queryKey) => matchQuery({ queryKey }, cache.find({ queryKey: key })!));
    expect(refreshed(keys.campaign)).toBe(true);
    expect(refreshed(keys.list)).toBe(true);
    expect(refreshed(keys.versions)).toBe(true);
    expect(refreshed(keys.version)).toBe(true);
    expect(refreshed(keys.schedule)).toBe(true);
    expect(refreshed(keys.draft)).toBe(false);
    expect(refreshed(keys.otherCampaign)).toBe(false);
  });
});
