import type { paths } from '@loa/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';

export type ApiKey = JsonBody<paths['/api-keys']['get']['responses'][200]>['items'][number];
export type KeyScope = ApiKey['scope'];

/** What each scope may do (apps/api/src/auth/access.ts): ingest events, read, or read and write. */
export const KEY_SCOPES = ['ingest', 'read', 'write'] as const satisfies readonly KeyScope[];

const apiKeysKey = ['settings', 'api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKey, queryFn: () => unwrap(api.GET('/api-keys')) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: KeyScope }) => unwrap(api.POST('/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api-keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}
