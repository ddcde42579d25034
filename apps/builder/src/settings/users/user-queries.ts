import type { paths } from '@loa/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';
import { SESSION_KEY, type Role } from '../../auth/session';
import { membersKey } from '../../editor/lifecycle/lifecycle-queries';

export type Member = JsonBody<paths['/users']['get']['responses'][200]>['items'][number];
export type Invitation = JsonBody<paths['/users/invitations']['get']['responses'][200]>['items'][number];
export type MemberChange = { role?: Role; status?: Member['status'] };

export const userKeys = {
  // Shared with the editor, which asks whether the signed-in admin is the only one.
  members: membersKey,
  invitations: ['settings', 'invitations'] as const,
};

export function useMembers() {
  return useQuery({ queryKey: userKeys.members, queryFn: () => unwrap(api.GET('/users')) });
}

export function useInvitations() {
  return useQuery({ queryKey: userKeys.invitations, queryFn: () => unwrap(api.GET('/users/invitations')) });
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: MemberChange }) =>
      unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body: change })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.members });
      // An admin who made themselves a marketer sees the screens of their new role.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => unwrap(api.POST('/users/invitations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/users/invitations/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.invitations }),
  });
}
