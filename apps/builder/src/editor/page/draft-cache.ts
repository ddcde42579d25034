import type { SavedDraft } from './autosave';

/**
 * The cached draft after a save: the saved revision and graph, so that reopening the campaign shows what was saved
 * and saves from that revision (instead of conflicting with oneself).
 */
export function withSavedDraft<D extends { revision: number; savedAt: string }>(
  cached: D | undefined,
  saved: SavedDraft,
  graph: unknown,
): D | undefined {
  if (!cached || cached.revision > saved.revision) return cached;
  return {
    ...cached,
    revision: saved.revision,
    savedAt: saved.savedAt,
    graph,
    diagnostics: saved.diagnostics,
  };
}
