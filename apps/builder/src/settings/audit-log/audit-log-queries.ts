import type { paths } from '@loa/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';

export type AuditLogPage = JsonBody<paths['/audit-log']['get']['responses'][200]>;
export type AuditEntry = AuditLogPage['items'][number];
export type AuditLogQuery = NonNullable<paths['/audit-log']['get']['parameters']['query']>;
export type AuditLogFilters = Pick<AuditLogQuery, 'actorId' | 'targetKind' | 'from' | 'to'>;

export function useAuditLog(filters: AuditLogFilters) {
  return useInfiniteQuery({
    queryKey: ['settings', 'audit-log', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/audit-log', {
          params: { query: { ...filters, limit: 50, ...(pageParam && { cursor: pageParam }) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
