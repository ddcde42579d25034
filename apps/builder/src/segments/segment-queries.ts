import type { paths } from '@loa/api-contract';
import type { RuleGroup } from '@loa/engine/browser';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { JsonBody } from '../api/json-body';
import { configKeys } from '../editor/config/queries';
import { useSettled } from '../shell/use-settled';
import type { SegmentFormValues } from './segment-form';

export type Segment = JsonBody<paths['/segments/{id}']['get']['responses'][200]>;
export type SegmentPreview = JsonBody<paths['/segments/preview']['post']['responses'][200]>;
export type SegmentExplanation = JsonBody<
  paths['/segments/{id}/explain/{contactId}']['get']['responses'][200]
>;
type SegmentBody = NonNullable<paths['/segments']['post']['requestBody']>['content']['application/json'];

const PREVIEW_DELAY_MS = 500;
const SAMPLE_SIZE = 10;

export const segmentKeys = {
  list: configKeys.segments,
  one: (id: string) => ['segments', 'one', id] as const,
  preview: (rule: RuleGroup) => ['segments', 'preview', rule] as const,
  explain: (id: string, contactId: string) => ['segments', 'explain', id, contactId] as const,
  contactSearch: (q: string) => ['segments', 'contact-search', q] as const,
};

export function useSegmentList() {
  return useQuery({
    queryKey: segmentKeys.list,
    queryFn: () => unwrap(api.GET('/segments')),
    select: (answer) => answer.items,
  });
}

export function useSegment(id: string) {
  return useQuery({
    queryKey: segmentKeys.one(id),
    queryFn: () => unwrap(api.GET('/segments/{id}', { params: { path: { id } } })),
  });
}

/** How many contacts the rule selects now, and a few of them, asked for once editing pauses. */
export function useSegmentPreview(rule: RuleGroup, enabled: boolean) {
  const settled = useSettled(rule, PREVIEW_DELAY_MS);
  const query = useQuery({
    queryKey: segmentKeys.preview(settled),
    queryFn: () =>
      unwrap(
        api.POST('/segments/preview', {
          body: { rule: settled as SegmentBody['rule'], sampleSize: SAMPLE_SIZE },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
  return { ...query, settling: JSON.stringify(settled) !== JSON.stringify(rule) };
}

/** Creates (no id) or changes a segment; the list and the segment are fetched again after. */
export function useSaveSegment(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: SegmentFormValues) => {
      const body = values as SegmentBody;
      return id
        ? unwrap(api.PATCH('/segments/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/segments', { body }));
    },
    onSuccess: async (segment) => {
      queryClient.setQueryData(segmentKeys.one(segment.id), segment);
      await queryClient.invalidateQueries({ queryKey: segmentKeys.list, exact: true });
      await queryClient.invalidateQueries({ queryKey: ['segments', 'explain', segment.id] });
    },
  });
}

export function useDeleteSegment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/segments/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: segmentKeys.one(id) });
      await queryClient.invalidateQueries({ queryKey: segmentKeys.list, exact: true });
    },
  });
}

/** Contacts whose name, e-mail, external id or phone starts with (or contains) the text. */
export function useContactSearch(q: string) {
  const settled = useSettled(q.trim(), 300);
  return useQuery({
    queryKey: segmentKeys.contactSearch(settled),
    queryFn: () => unwrap(api.GET('/contacts', { params: { query: { q: settled, limit: 8 } } })),
    select: (answer) => answer.items,
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Why the contact is or is not in the segment, rule by rule (the stored rule). */
export function useSegmentExplanation(id: string, contactId: string | undefined) {
  return useQuery({
    queryKey: segmentKeys.explain(id, contactId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/segments/{id}/explain/{contactId}', {
          params: { path: { id, contactId: contactId ?? '' } },
        }),
      ),
    enabled: Boolean(contactId),
  });
}
