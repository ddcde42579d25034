import type { paths } from '@loa/api-contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { JsonBody } from '../api/json-body';

export type CampaignList = JsonBody<paths['/campaigns']['get']['responses'][200]>;
export type Campaign = CampaignList['items'][number];
export type CampaignState = Campaign['state'];
export type CampaignFilters = { state?: CampaignState; q?: string };

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filters: CampaignFilters) => ['campaigns', 'list', filters] as const,
  one: (id: string) => ['campaigns', 'one', id] as const,
};

export type CampaignDetail = JsonBody<paths['/campaigns/{id}']['get']['responses'][200]>;

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: () => unwrap(api.GET('/campaigns/{id}', { params: { path: { id } } })),
  });
}

export function useCampaignList(filters: CampaignFilters) {
  return useInfiniteQuery({
    queryKey: campaignKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/campaigns', {
          params: { query: { ...filters, limit: 50, ...(pageParam && { cursor: pageParam }) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; graph: Record<string, unknown> }) =>
      unwrap(api.POST('/campaigns', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useDuplicateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/campaigns/{id}/duplicate', { params: { path: { id } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useArchiveCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/campaigns/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
