import type { paths } from '@loa/api-contract';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';
import type { DiffGraph } from './graph-diff';

export type VersionSummary = JsonBody<
  paths['/campaigns/{id}/versions']['get']['responses'][200]
>['items'][number];
export type CampaignVersion = JsonBody<paths['/campaigns/{id}/versions/{version}']['get']['responses'][200]>;

/** Under ['campaigns'], so that every lifecycle action (which invalidates it) refreshes them. */
export const versionKeys = {
  list: (campaignId: string) => ['campaigns', 'versions', campaignId] as const,
  one: (campaignId: string, version: number) => ['campaigns', 'versions', campaignId, version] as const,
  draftGraph: (campaignId: string) => ['campaigns', 'draft-graph', campaignId] as const,
};

export function useVersions(campaignId: string) {
  return useQuery({
    queryKey: versionKeys.list(campaignId),
    queryFn: () => unwrap(api.GET('/campaigns/{id}/versions', { params: { path: { id: campaignId } } })),
  });
}

/** A published version never changes: read once. */
export function useVersion(campaignId: string, version: number | undefined) {
  return useQuery({
    queryKey: versionKeys.one(campaignId, version ?? 0),
    enabled: version !== undefined,
    staleTime: Infinity,
    queryFn: () =>
      unwrap(
        api.GET('/campaigns/{id}/versions/{version}', {
          params: { path: { id: campaignId, version: version ?? 0 } },
        }),
      ),
  });
}

export function useDraftGraph(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: versionKeys.draftGraph(campaignId),
    enabled,
    queryFn: async () => {
      const draft = await unwrap(api.GET('/campaigns/{id}/draft', { params: { path: { id: campaignId } } }));
      return { revision: draft.revision, graph: (draft as { graph?: unknown }).graph as DiffGraph };
    },
  });
}
