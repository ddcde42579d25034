import type { paths } from '@loa/api-contract';
import type { Diagnostic } from '@loa/engine/browser';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';
import { isProblem } from '../../api/api-problem';
import { SaveConflict, type SavedDraft } from './autosave';

export type Draft = JsonBody<paths['/campaigns/{id}/draft']['get']['responses'][200]>;

export const draftKey = (id: string) => ['campaigns', 'draft', id] as const;

/**
 * The draft the editor opens with. Never refetched on its own: the editor's store holds the graph while it is
 * open, and each save writes its revision and graph back here (use-autosave), so reopening starts from the last
 * save. Only an explicit reload (the conflict dialog) fetches it again.
 */
export function useDraft(id: string) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: () => unwrap(api.GET('/campaigns/{id}/draft', { params: { path: { id } } })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

const STALE_REVISION = 'urn:loa:problem:stale-revision';

/** Browsers refuse a keepalive request whose body is over 64 KiB. */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * PUT /campaigns/{id}/draft; a stale revision becomes a SaveConflict naming who saved and when. When the page is
 * being left, the request is sent with keepalive, so that the browser completes it after the page is gone.
 */
export async function saveDraft(
  id: string,
  revision: number,
  graph: object,
  { leaving = false }: { leaving?: boolean } = {},
): Promise<SavedDraft> {
  const body = { revision, graph: graph as Record<string, unknown> };
  const keepalive =
    leaving && new TextEncoder().encode(JSON.stringify(body)).byteLength <= KEEPALIVE_MAX_BYTES;
  try {
    const saved = await unwrap(
      api.PUT('/campaigns/{id}/draft', { params: { path: { id } }, body, keepalive }),
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
