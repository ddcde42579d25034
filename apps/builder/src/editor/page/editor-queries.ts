import type { paths } from '@loa/api-contract';
import type { Diagnostic } from '@loa/engine/browser';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import { isProblem } from '../../api/api-problem';
import { campaignKeys } from '../../campaigns/campaign-queries';
import { SaveConflict, type SavedDraft } from './autosave';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type CampaignDetail = Json<paths['/campaigns/{id}']['get']['responses'][200]>;
export type Draft = Json<paths['/campaigns/{id}/draft']['get']['responses'][200]>;

export const draftKey = (id: string) => ['campaigns', 'draft', id] as const;

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: () => unwrap(api.GET('/campaigns/{id}', { params: { path: { id } } })),
  });
}

/** The draft as it was when the editor opened; the editor's store holds it from then on. */
export function useDraft(id: string) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: () => unwrap(api.GET('/campaigns/{id}/draft', { params: { path: { id } } })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

const STALE_REVISION = 'urn:loa:problem:stale-revision';

/** PUT /campaigns/{id}/draft; a stale revision becomes a SaveConflict naming who saved and when. */
export async function saveDraft(id: string, revision: number, graph: object): Promise<SavedDraft> {
  try {
    const saved = await unwrap(
      api.PUT('/campaigns/{id}/draft', {
        params: { path: { id } },
        body: { revision, graph: graph as Record<string, unknown> },
      }),
    );
    return {
      revision: saved.revision,
      savedAt: saved.savedAt,
      diagnostics: saved.diagnostics as Diagnostic[],
    };
  } catch (error) {
    if (isProblem(error, 409) && error.type === STALE_REVISION) {
      const by = error.body['lastSavedBy'] as { name?: string } | undefined;
      throw new SaveConflict({
        currentRevision: Number(error.body['currentRevision']),
        lastSavedBy: by?.name ?? '?',
        lastSavedAt: String(error.body['lastSavedAt'] ?? ''),
      });
    }
    throw error;
  }
}
