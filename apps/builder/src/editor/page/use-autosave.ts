import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorGraph } from '../graph/editor-graph';
import type { EditorStore } from '../store/editor-store';
import { Autosave, type FlushResult, type SaveStatus } from './autosave';
import { withSavedDraft } from './draft-cache';
import { draftKey, saveDraft, type Draft } from './editor-queries';

/**
 * Saves the store's graph as the campaign's draft after 1.5 s of quiet, when the tab is hidden and when the page
 * is left; the answer's diagnostics feed the problems panel, and its revision the cached draft (so that reopening
 * the campaign starts from what was saved). `flush` saves now, before submit or publish; `savedGraph` is the graph
 * last saved (or loaded).
 */
export function useAutosave(
  campaignId: string,
  store: EditorStore,
  draft: { revision: number; savedAt: string },
  enabled: boolean,
) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: draft.savedAt });
  const autosaveRef = useRef<Autosave<EditorGraph> | undefined>(undefined);
  // Where the next autosave starts when saving is enabled again (e.g. after a rejection): the last saved revision.
  const lastSaved = useRef({ revision: draft.revision, savedAt: draft.savedAt });
  // The graph this editor last saved (or loaded): what differs from it is the user's own unsaved work.
  const lastSavedGraph = useRef<EditorGraph>(store.getState().graph);

  useEffect(() => {
    if (!enabled) return;
    let leaving = false;
    const autosave = new Autosave<EditorGraph>({
      ...lastSaved.current,
      save: async (revision, graph) => {
        const saved = await saveDraft(campaignId, revision, graph, { leaving });
        lastSaved.current = { revision: saved.revision, savedAt: saved.savedAt };
        lastSavedGraph.current = graph;
        queryClient.setQueryData<Draft>(draftKey(campaignId), (cached) =>
          withSavedDraft(cached, saved, graph),
        );
        return saved;
      },
      onStatus: setStatus,
      onSaved: (saved) => store.getState().setSavedDiagnostics(saved.diagnostics),
    });
    autosaveRef.current = autosave;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.graph !== previous.graph) autosave.changed(state.graph);
    });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsaved) return;
      leaving = true;
      void autosave.flush();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      void autosave.flush().then(() => autosave.stop());
      autosaveRef.current = undefined;
    };
  }, [campaignId, store, enabled, queryClient]);

  const flush = useCallback(
    (): Promise<FlushResult> => autosaveRef.current?.flush() ?? Promise.resolve('saved'),
    [],
  );
  const savedGraph = useCallback(() => lastSavedGraph.current, []);
  return { status, flush, retry: () => void flush(), savedGraph };
}
