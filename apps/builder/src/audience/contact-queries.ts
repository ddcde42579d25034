import type { paths } from '@loa/api-contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { JsonBody } from '../api/json-body';
import { contactListQuery, type ContactFilters } from './contact-filters';

export type ContactPage = JsonBody<paths['/contacts']['get']['responses'][200]>;
export type Contact = ContactPage['items'][number];
export type ContactJourney = JsonBody<
  paths['/contacts/{id}/journeys']['get']['responses'][200]
>['items'][number];

const PAGE_SIZE = 100;
const HISTORY_PAGE_SIZE = 50;

export const contactKeys = {
  all: ['contacts'] as const,
  list: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
  segments: (id: string) => ['contacts', 'segments', id] as const,
  events: (id: string) => ['contacts', 'events', id] as const,
  messages: (id: string) => ['contacts', 'messages', id] as const,
  journeys: (id: string) => ['contacts', 'journeys', id] as const,
};

type ListQuery = NonNullable<paths['/contacts']['get']['parameters']['query']>;

/** Cursor pages of contacts; the first page also answers how many the filters select. */
export function useContactList(filters: ContactFilters) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = {
        ...contactListQuery(filters),
        limit: PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : { count: 'true' }),
      } as unknown as ListQuery;
      return unwrap(api.GET('/contacts', { params: { query } }));
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: contactKeys.one(id),
    queryFn: () => unwrap(api.GET('/contacts/{id}', { params: { path: { id } } })),
  });
}

export function useContactSegments(id: string) {
  return useQuery({
    queryKey: contactKeys.segments(id),
    queryFn: () => unwrap(api.GET('/contacts/{id}/segments', { params: { path: { id } } })),
  });
}

export function useContactEvents(id: string) {
  return useInfiniteQuery({
    queryKey: contactKeys.events(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/contacts/{id}/events', {
          params: {
            path: { id },
            query: { limit: HISTORY_PAGE_SIZE, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useContactMessages(id: string) {
  return useInfiniteQuery({
    queryKey: contactKeys.messages(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/messages', {
          params: {
            query: { contactId: id, limit: HISTORY_PAGE_SIZE, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useContactJourneys(id: string) {
  return useInfiniteQuery({
    queryKey: contactKeys.journeys(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/contacts/{id}/journeys', {
          params: {
            path: { id },
            query: { limit: HISTORY_PAGE_SIZE, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
