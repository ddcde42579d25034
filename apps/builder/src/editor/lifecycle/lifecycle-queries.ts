import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { Role } from '../../auth/session';
import { campaignKeys } from '../../campaigns/campaign-queries';
import type { LifecycleAction } from './lifecycle-actions';

export const workspaceKey = ['workspace'] as const;
export const membersKey = ['users'] as const;

/** The workspace's settings (approvalRequired, timezone). */
export function useWorkspace() {
  return useQuery({
    queryKey: workspaceKey,
    queryFn: () => unwrap(api.GET('/workspace')),
    staleTime: 60_000,
  });
}

/** Whether the signed-in admin is the workspace's only active admin (who publishes without approval). */
export function useSoleAdmin(role: Role): boolean | undefined {
  const members = useQuery({
    queryKey: membersKey,
    queryFn: () => unwrap(api.GET('/users')),
    enabled: role === 'admin',
    staleTime: 60_000,
  });
  if (role !== 'admin' || !members.data) return undefined;
  return (
    members.data.items.filter((member) => member.role === 'admin' && member.status === 'active').length <= 1
  );
}

/** A live campaign's schedule (next and recent runs). */
export const scheduleKey = (campaignId: string) => ['campaigns', 'schedule', campaignId] as const;

export type ActionInput =
  { action: Exclude<LifecycleAction, 'reject'> } | { action: 'reject'; comment: string };

/**
 * What a lifecycle action changes: the campaign, the lists and the versions. Never the draft (['campaigns',
 * 'draft', id]), which the open editor holds: refetching it would reset the editor.
 */
export const lifecycleRefreshKeys = (campaignId: string) => [
  campaignKeys.one(campaignId),
  ['campaigns', 'list'] as const,
  ['campaigns', 'versions', campaignId] as const,
  ['campaigns', 'draft-graph', campaignId] as const,
  scheduleKey(campaignId),
];

/** Runs one lifecycle action; the campaign, its versions and the lists are read again after it. */
export function useLifecycleAction(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput): Promise<unknown> => {
      const path = { params: { path: { id: campaignId } } };
      switch (input.action) {
        case 'submit':
          return unwrap(api.POST('/campaigns/{id}/submit', path));
        case 'publish':
          return unwrap(api.POST('/campaigns/{id}/publish', path));
        case 'approve':
          return unwrap(api.POST('/campaigns/{id}/approve', path));
        case 'reject':
          return unwrap(api.POST('/campaigns/{id}/reject', { ...path, body: { comment: input.comment } }));
        case 'pause':
          return unwrap(api.POST('/campaigns/{id}/pause', path));
        case 'resume':
          return unwrap(api.POST('/campaigns/{id}/resume', path));
        case 'stop':
          return unwrap(api.POST('/campaigns/{id}/stop', path));
      }
    },
    onSettled: () =>
      Promise.all(
        lifecycleRefreshKeys(campaignId).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
