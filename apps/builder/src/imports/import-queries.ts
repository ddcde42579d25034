import type { paths } from '@loa/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { JsonBody } from '../api/json-body';

export type UploadedImport = JsonBody<paths['/imports']['post']['responses'][201]>;
export type ContactImport = JsonBody<paths['/imports/{id}']['get']['responses'][200]>;
export type ImportStatus = ContactImport['status'];
export type ColumnMapping = UploadedImport['proposedMapping'][number];
export type MappingTarget = ColumnMapping['target'];
export type StartImportBody = NonNullable<
  paths['/imports/{id}/start']['post']['requestBody']
>['content']['application/json'];
export type AttributeDefinition = JsonBody<
  paths['/contacts/attributes']['get']['responses'][200]
>['items'][number];

export const FINISHED_STATUSES: readonly ImportStatus[] = ['completed', 'failed', 'cancelled'];
const POLL_MS = 500;

export const importKeys = {
  list: ['imports'] as const,
  one: (id: string) => ['imports', 'one', id] as const,
  attributes: ['contact-attributes'] as const,
};

/** The errors CSV of an import, through the builder's /api proxy with the session cookie. */
export const errorsCsvUrl = (id: string) => `/api/imports/${id}/errors.csv`;

export function useImports() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: () => unwrap(api.GET('/imports', { params: { query: { limit: 50 } } })),
    select: (answer) => answer.items,
  });
}

/** One import, read again every half second while it is queued or running. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    enabled: id !== undefined,
    queryFn: () => unwrap(api.GET('/imports/{id}', { params: { path: { id: id ?? '' } } })),
    refetchInterval: (query) =>
      query.state.data && !FINISHED_STATUSES.includes(query.state.data.status) ? POLL_MS : false,
  });
}

export function useContactAttributes() {
  return useQuery({
    queryKey: importKeys.attributes,
    queryFn: () => unwrap(api.GET('/contacts/attributes')),
    select: (answer) => answer.items,
  });
}

export function useUploadImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/imports', {
          // The generated type describes the multipart field; the browser sends the FormData itself.
          body: { file: file.name },
          bodySerializer: () => form,
        }),
      );
    },
  });
}

/** A started import (or dry run) replaces the cached one, whose polling then follows it. */
export function useStartImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartImportBody) =>
      unwrap(api.POST('/imports/{id}/start', { params: { path: { id } }, body })),
    onSuccess: async (started) => {
      queryClient.setQueryData(importKeys.one(id), started);
      await queryClient.invalidateQueries({ queryKey: importKeys.list, exact: true });
    },
  });
}

export function useCancelImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/imports/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (cancelling) => queryClient.setQueryData(importKeys.one(id), cancelling),
  });
}
